package dev.tandem.bench.tsdb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A small block, read back by Prometheus's own tool ({@code promtool tsdb dump} and {@code analyze},
 * Debian's {@code prometheus} package, which {@code .ci/run} installs).
 */
class BlockWriterTest {

    private static final long START = 1_700_000_000_000L;

    @TempDir
    Path data;

    @Test
    void prometheusReadsBackEverySample() throws Exception {
        assumeTrue(onPath("promtool"), "promtool is not installed (Debian's prometheus package): the block cannot be read back here");
        List<String> expected = new ArrayList<>();
        Labels a = Labels.of("__name__", "requests_total", "code", "200", "slo", "slo-10");
        Labels b = Labels.of("__name__", "requests_total", "code", "200", "slo", "slo-9");
        Labels c = Labels.of("__name__", "requests_total", "code", "500", "slo", "slo-9");
        Labels d = Labels.of("__name__", "temperature", "room", "ünïcode");
        BlockWriter block = BlockWriter.create(data, START, START + 7_200_000, List.of(d, c, b, a));
        assertThat(block.series()).containsExactly(a, b, c, d);
        for (Labels s : block.series()) {
            int n = s == c ? 1 : s == d ? 7 : 250;   // three chunks (120 + 120 + 10), one sample, a short chunk
            long[] t = new long[n];
            double[] v = new double[n];
            double counter = 0;
            for (int i = 0; i < n; i++) {
                // irregular scrapes (dod in every bucket), counters, a gauge with fractions and negatives
                t[i] = START + i * 15_000L + (i % 3 == 0 ? 0 : i % 5 * 1_000L);
                counter += (i * 7919) % 13;
                v[i] = s == d ? 20.5 - i * 3.25 + Math.sin(i) : counter;
                expected.add(s + " " + format(v[i]) + " " + t[i]);
            }
            block.append(s, t, v, n);
        }
        Path dir = block.commit();
        assertThat(dir.getFileName().toString()).matches("[0-7][0-9A-HJKMNP-TV-Z]{25}");
        assertThat(Files.readString(dir.resolve("meta.json"))).contains("\"numSamples\": 508", "\"numSeries\": 4", "\"numChunks\": 8");

        Files.createDirectories(data.resolve("wal")); // promtool opens the directory as a read-only database, WAL included
        List<String> dumped = run("promtool", "tsdb", "dump", data.toString());
        assertThat(dumped).containsExactlyElementsOf(expected);

        String analysis = String.join("\n", run("promtool", "tsdb", "analyze", data.toString(), dir.getFileName().toString()));
        assertThat(analysis).contains("Series: 4", "Label names: 4", "Postings (unique label pairs): 7", "Postings entries (total label pairs): 11", "3 requests_total");
    }

    @Test
    void sectionsCarryTheirChecksumsAndTheIndexEndsWithItsTableOfContents() throws Exception {
        BlockWriter block = BlockWriter.create(data, 0, 1000, List.of(Labels.of("__name__", "up")));
        block.append(Labels.of("__name__", "up"), new long[] {0, 10, 20}, new double[] {1, 1, 0}, 3);
        Path dir = block.commit();

        ByteBuffer index = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("index")));
        assertThat(index.getInt(0)).isEqualTo(0xBAAAD700);
        assertThat(index.get(4)).isEqualTo((byte) 2);
        int toc = index.limit() - 52;
        assertThat(crc(index, toc, 48)).isEqualTo(index.getInt(toc + 48));
        long symbols = index.getLong(toc);
        int symbolsLength = index.getInt((int) symbols);
        assertThat(crc(index, (int) symbols + 4, symbolsLength)).isEqualTo(index.getInt((int) symbols + 4 + symbolsLength));
        assertThat(index.getInt((int) symbols + 4)).isEqualTo(2); // "__name__", "up"
        assertThat(index.getLong(toc + 8) % 16).isZero();        // the first series is 16-byte aligned

        ByteBuffer segment = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("chunks/000001")));
        assertThat(segment.getInt(0)).isEqualTo(0x85BD40DD);
        int length = segment.get(8);                             // a one-byte uvarint here
        assertThat(segment.get(9)).isEqualTo((byte) XorChunk.ENCODING);
        assertThat(crc(segment, 9, 1 + length)).isEqualTo(segment.getInt(10 + length));
        assertThat(segment.limit()).isEqualTo(10 + length + 4);
    }

    @Test
    void refusesSeriesOutOfOrderAndSamplesOutsideTheRange() throws Exception {
        Labels a = Labels.of("__name__", "a");
        Labels b = Labels.of("__name__", "b");
        BlockWriter block = BlockWriter.create(data, 0, 100, List.of(a, b));
        block.append(b, new long[] {1}, new double[] {1}, 1);
        assertThatThrownBy(() -> block.append(a, new long[] {1}, new double[] {1}, 1)).hasMessageContaining("comes after");
        BlockWriter other = BlockWriter.create(data, 0, 100, List.of(a));
        assertThatThrownBy(() -> other.append(a, new long[] {100}, new double[] {1}, 1)).hasMessageContaining("outside the block's range");
        block.close();
        other.close();
    }

    /**
     * A value as promtool prints it (Go's %g, shortest form), for the values of this test: whole numbers
     * below 10^6 without a fraction, others in Java's shortest form (Go switches to an exponent from 10^6
     * on, and below 10^-4, which these values never reach).
     */
    private static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return Long.toString((long) v);
        }
        return Double.toString(v).replace("E", "e+").replace("e+-", "e-");
    }

    private static int crc(ByteBuffer b, int from, int length) {
        CRC32C crc = new CRC32C();
        crc.update(b.array(), from, length);
        return (int) crc.getValue();
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ":\n" + out).isZero();
        return out.lines().toList();
    }
}
