package dev.tandem.slo.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SloCommandTest {

    @TempDir
    Path dir;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        CommandLine cl = new CommandLine(new SloCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    Path copy(String resource) throws IOException {
        try (InputStream in = SloCommandTest.class.getResourceAsStream(resource)) {
            Path target = dir.resolve(Path.of(resource).getFileName().toString());
            Files.write(target, in.readAllBytes());
            return target;
        }
    }

    @Test
    void validateListsTheSlosOfAValidFile() throws IOException {
        Path file = copy("/openslo/full.yaml");
        assertThat(run("validate", file.toString())).isZero();
        assertThat(out.toString()).contains("valid: SLO checkout-availability", "3 SLO(s) in 1 file(s), no problems");
    }

    @Test
    void validatePrintsFileLineDocumentAndPathAndExitsTwo() throws IOException {
        Path file = copy("/openslo/problems.yaml");
        assertThat(run("validate", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(file + ":13: document 1 (SLO broken), spec.objectives[0].target: must be in (0, 1), got 1.5");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void validateOfAMissingFileIsAUsageError() {
        assertThat(run("validate", dir.resolve("nope.yaml").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no such file");
        assertThat(run("validate")).isEqualTo(2);
    }

    @Test
    void rulesGoToStandardOutputOrAFileAndSkipBuiltInSlos() throws IOException {
        Path file = copy("/openslo/full.yaml");
        assertThat(run("rules", file.toString())).isZero();
        assertThat(out.toString()).contains("name: tandem-slo-checkout-availability", "name: tandem-slo-checkout-latency")
                .doesNotContain("nightly-batch");
        assertThat(err.toString()).contains("note: SLO nightly-batch reads Tandem's built-in store");

        Path rules = dir.resolve("rules.yaml");
        assertThat(run("rules", file.toString(), copy("/sloth/myservice.yaml").toString(), "--output", rules.toString())).isZero();
        assertThat(Files.readString(rules)).contains("tandem-slo-myservice-requests-availability", "tier: page-1h");
    }

    @Test
    void rulesOfOnlyBuiltInSlosFail() throws IOException {
        Path file = dir.resolve("batch.yaml");
        Files.writeString(file, """
                apiVersion: openslo/v1
                kind: SLO
                metadata: {name: batch}
                spec:
                  service: billing
                  indicator:
                    metadata: {name: runs}
                    spec: {ratioMetric: {good: {metricSource: {type: Tandem}}, total: {metricSource: {type: Tandem}}}}
                  timeWindow: [{duration: 30d, isRolling: true}]
                  budgetingMethod: Occurrences
                  objectives: [{target: 0.99}]
                """);
        assertThat(run("rules", file.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("nothing to generate");
    }

    @Test
    void statusEvaluatesPushedCounts() throws IOException {
        Path file = copy("/openslo/full.yaml");
        Instant end = Instant.parse("2026-03-10T12:00:00Z");
        StringBuilder csv = new StringBuilder("timestamp,bad,total\n");
        for (int m = 180; m > 0; m--) {
            csv.append(end.minus(Duration.ofMinutes(m))).append(',').append(m <= 60 ? 20 : 0).append(",1000\n");
        }
        Path events = dir.resolve("events.csv");
        Files.writeString(events, csv);
        assertThat(run("status", file.toString(), "--slo", "nightly-batch", "--events", events.toString(), "--at", end.toString())).isZero();
        // A quarter, calendar-aligned, in ratio time slices of a day: only complete days count, so no data yet.
        assertThat(out.toString()).contains("SLO nightly-batch", "sli:         no data", "1h=0.40", "alert page-1h (page, 1h & 5m > 43.2): ok");
        out.getBuffer().setLength(0);

        assertThat(run("status", file.toString(), "--slo", "checkout-availability", "--events", events.toString(), "--at", end.toString())).isZero();
        assertThat(out.toString()).contains("data:        OK, 180000 events, 1200 bad", "5m=20.00", "1h=20.00",
                "alert fast-burn (page, 1h & 5m > 14.4): FIRING", "alert slow-burn (ticket, 3d & 6h > 0.933333333333): FIRING", "exhaustion:  0m");
        out.getBuffer().setLength(0);
        Files.writeString(events, csv.toString().replace("timestamp,bad,total", "timestamp,good,total").replace(",20,", ",2000,"));
        assertThat(run("status", file.toString(), "--slo", "nightly-batch", "--events", events.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("need 0 <= good <= total");
    }

    @Test
    void statusNeedsAnSloNameWhenTheFileHasSeveral() throws IOException {
        Path file = copy("/openslo/full.yaml");
        Path events = dir.resolve("e.csv");
        Files.writeString(events, "2026-03-10T11:00:00Z,1,1\n");
        assertThat(run("status", file.toString(), "--events", events.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("choose one with --slo");
    }
}
