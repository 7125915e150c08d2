package dev.tandem.bench.tsdb;

import java.io.Closeable;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Writes one Prometheus TSDB block (the on-disk format of Prometheus 2.x) straight from Java, so that
 * benchmark data of hundreds of millions of samples loads in the time it takes to write the files:
 * <pre>
 * DATA_DIR/ULID/meta.json     version 1, ULID, minTime, maxTime (exclusive), stats, compaction level 1
 *              /index         {@link IndexWriter}
 *              /chunks/000001 {@link ChunkSegments}, XOR chunks of at most 120 samples ({@link XorChunk})
 *              /tombstones    empty
 * </pre>
 * Series are appended one at a time in label order ({@link #series()}), each with all its samples in the
 * block's range; only the postings stay in memory. The block is written under a temporary name and
 * renamed by {@link #commit()}, so a Prometheus server never sees half a block.
 *
 * <p>Written from the format documents in Prometheus's repository ({@code tsdb/docs/format/}).
 */
public final class BlockWriter implements Closeable {

    /** Samples per chunk: what Prometheus's own head cuts at. */
    public static final int SAMPLES_PER_CHUNK = 120;

    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dataDir;
    private final Path tmp;
    private final String ulid;
    private final long minTime;
    private final long maxTime;
    private final List<Labels> series;
    private final ChunkSegments chunks;
    private final IndexWriter index;
    private long[] chunkMin = new long[64];
    private long[] chunkMax = new long[64];
    private long[] chunkRefs = new long[64];
    private int next;
    private long samples;
    private long chunkCount;
    private long seriesCount;
    private boolean done;

    private BlockWriter(Path dataDir, long minTime, long maxTime, Collection<Labels> series) throws IOException {
        if (maxTime <= minTime) {
            throw new IllegalArgumentException("a block needs minTime < maxTime, got " + minTime + " and " + maxTime);
        }
        this.dataDir = dataDir;
        this.minTime = minTime;
        this.maxTime = maxTime;
        this.series = new ArrayList<>(new TreeSet<>(series));
        if (this.series.size() != series.size()) {
            throw new IllegalArgumentException("the same series is listed twice");
        }
        TreeSet<String> symbols = new TreeSet<>(Label::compare);
        for (Labels s : this.series) {
            for (Label l : s.list()) {
                symbols.add(l.name());
                symbols.add(l.value());
            }
        }
        ulid = newUlid(System.currentTimeMillis());
        tmp = Files.createDirectories(dataDir.resolve(ulid + ".tmp-for-creation"));
        chunks = new ChunkSegments(tmp.resolve("chunks"));
        index = new IndexWriter(tmp.resolve("index"), symbols);
    }

    /** A block of {@code [minTime, maxTime)} (milliseconds) in {@code dataDir} that will hold these series. */
    public static BlockWriter create(Path dataDir, long minTime, long maxTime, Collection<Labels> series) throws IOException {
        return new BlockWriter(dataDir, minTime, maxTime, series);
    }

    /** The series in the order they must be appended. */
    public List<Labels> series() {
        return series;
    }

    /**
     * The samples of the next series: {@code n} increasing timestamps (ms) in the block's range and their
     * values. Series may be skipped (a series without samples is not written) but not revisited.
     */
    public void append(Labels labels, long[] timestamps, double[] values, int n) throws IOException {
        while (next < series.size() && !series.get(next).equals(labels)) {
            next++;
        }
        if (next == series.size()) {
            throw new IllegalArgumentException(labels + " is not a series of this block, or comes after a later one");
        }
        next++;
        if (n == 0) {
            return;
        }
        if (timestamps[0] < minTime || timestamps[n - 1] >= maxTime) {
            throw new IllegalArgumentException("samples of " + labels + " outside the block's range [" + minTime + ", " + maxTime + ")");
        }
        int chunkCountHere = (n + SAMPLES_PER_CHUNK - 1) / SAMPLES_PER_CHUNK;
        if (chunkCountHere > chunkMin.length) {
            chunkMin = new long[chunkCountHere];
            chunkMax = new long[chunkCountHere];
            chunkRefs = new long[chunkCountHere];
        }
        for (int c = 0; c < chunkCountHere; c++) {
            XorChunk chunk = new XorChunk();
            for (int i = c * SAMPLES_PER_CHUNK; i < Math.min(n, (c + 1) * SAMPLES_PER_CHUNK); i++) {
                chunk.append(timestamps[i], values[i]);
            }
            chunkMin[c] = chunk.minTime();
            chunkMax[c] = chunk.maxTime();
            chunkRefs[c] = chunks.write(chunk);
        }
        index.addSeries(labels, chunkMin, chunkMax, chunkRefs, chunkCountHere);
        samples += n;
        chunkCount += chunkCountHere;
        seriesCount++;
    }

    /** Finishes the files, writes meta.json and tombstones, and gives the block its name; returns its directory. */
    public Path commit() throws IOException {
        close();
        Files.writeString(tmp.resolve("meta.json"), """
                {
                  "ulid": "%s",
                  "minTime": %d,
                  "maxTime": %d,
                  "stats": {"numSamples": %d, "numSeries": %d, "numChunks": %d},
                  "compaction": {"level": 1, "sources": ["%s"]},
                  "version": 1
                }
                """.formatted(ulid, minTime, maxTime, samples, seriesCount, chunkCount, ulid));
        // magic, version 1, no tombstones, and the CRC32C of that nothing (0)
        Files.write(tmp.resolve("tombstones"), new byte[] {0x01, 0x30, (byte) 0xBA, 0x30, 1, 0, 0, 0, 0});
        return Files.move(tmp, dataDir.resolve(ulid));
    }

    public long samples() {
        return samples;
    }

    public long chunkBytes() {
        return chunks.bytes();
    }

    @Override
    public void close() throws IOException {
        if (done) {
            return;
        }
        done = true;
        try (ChunkSegments c = chunks) {
            index.close();
        }
    }

    /** 48 bits of milliseconds and 80 random bits in Crockford's base 32: 26 characters. */
    static String newUlid(long millis) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        BigInteger value = BigInteger.valueOf(millis).shiftLeft(80).or(new BigInteger(1, random));
        char[] out = new char[26];
        for (int i = 25; i >= 0; i--) {
            out[i] = CROCKFORD[value.intValue() & 31];
            value = value.shiftRight(5);
        }
        return new String(out);
    }
}
