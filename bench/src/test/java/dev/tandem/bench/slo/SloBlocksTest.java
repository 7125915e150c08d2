package dev.tandem.bench.slo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SloBlocksTest {

    @TempDir
    Path data;

    /** A day that crosses midnight: two blocks, and the counters carry on from one to the next. */
    @Test
    void countersRunOnAcrossDailyBlocks() throws Exception {
        assumeTrue(java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, "promtool"))),
                "promtool is not installed (Debian's prometheus package)");
        long endMinute = 20_000 * 1440L + 600;       // 10:00 UTC on a day in 2024
        assertThat(endMinute % 1440).isEqualTo(600);
        assertThat(SloBlocks.write(data, 2, 1, endMinute)).isEqualTo(4 * 1441);
        try (var blocks = Files.list(data)) {
            assertThat(blocks.count()).isEqualTo(2);
        }
        Files.createDirectories(data.resolve("wal"));
        Process p = new ProcessBuilder("promtool", "tsdb", "dump", data.toString()).redirectErrorStream(true).start();
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join("\n", lines)).isZero();
        assertThat(lines).hasSize(4 * 1441);

        long bad = 0;
        long good = 0;
        for (long m = 0; m < 1440; m++) {
            bad += SloFleet.bad(1, m);
            good += SloFleet.total(1, m) - SloFleet.bad(1, m);
        }
        long end = endMinute * 60_000;
        assertThat(lines).contains(
                "{__name__=\"slo_requests_total\", code=\"500\", slo=\"slo-1\"} 0 " + (end - 1440 * 60_000L),
                "{__name__=\"slo_requests_total\", code=\"500\", slo=\"slo-1\"} " + bad + " " + end,
                "{__name__=\"slo_requests_total\", code=\"200\", slo=\"slo-1\"} " + good + " " + end);
    }
}
