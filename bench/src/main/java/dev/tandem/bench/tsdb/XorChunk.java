package dev.tandem.bench.tsdb;

/**
 * A chunk of float samples in Prometheus's XOR encoding (Gorilla): a 2-byte big-endian sample count, the
 * first timestamp as a varint and value as 64 raw bits, the second timestamp as a uvarint delta, then
 * delta-of-delta timestamps in variable bit widths; every value after the first is XOR-ed with its
 * predecessor and written as 1 bit (unchanged), or as its meaningful bits inside the previous window of
 * leading/trailing zeros, or with a new window (5 bits leading, 6 bits length).
 *
 * <p>Written from the format description in Prometheus's {@code tsdb/docs/format/chunks.md}.
 */
final class XorChunk {

    /** The encoding byte of XOR chunks in a segment file. */
    static final int ENCODING = 1;

    private final ByteSink out = new ByteSink(256);
    private int bitsInLastByte = 8;
    private int count;
    private long minTime;
    private long lastTime;
    private long lastDelta;
    private long lastValueBits;
    private int leading = -1;
    private int trailing;

    XorChunk() {
        out.put(0).put(0); // the sample count, set by array()
    }

    int count() {
        return count;
    }

    long minTime() {
        return minTime;
    }

    long maxTime() {
        return lastTime;
    }

    /** The encoded chunk (count, then the bit stream, zero-padded to a whole byte). */
    byte[] array() {
        out.array()[0] = (byte) (count >>> 8);
        out.array()[1] = (byte) count;
        return out.array();
    }

    int length() {
        return out.size();
    }

    void append(long t, double v) {
        if (count == 0xffff) {
            throw new IllegalStateException("a chunk holds at most 65535 samples");
        }
        long bits = Double.doubleToRawLongBits(v);
        if (count == 0) {
            out.putVarint(t);
            out.putLong(bits);
            minTime = t;
        } else {
            if (t <= lastTime) {
                throw new IllegalArgumentException("timestamps must increase: " + t + " after " + lastTime);
            }
            long delta = t - lastTime;
            if (count == 1) {
                out.putUvarint(delta);
            } else {
                writeDeltaOfDelta(delta - lastDelta);
            }
            writeValue(bits ^ lastValueBits);
            lastDelta = delta;
        }
        lastTime = t;
        lastValueBits = bits;
        count++;
    }

    private void writeDeltaOfDelta(long dod) {
        if (dod == 0) {
            writeBits(0, 1);
        } else if (fits(dod, 14)) {
            writeBits(0b10, 2);
            writeBits(dod, 14);
        } else if (fits(dod, 17)) {
            writeBits(0b110, 3);
            writeBits(dod, 17);
        } else if (fits(dod, 20)) {
            writeBits(0b1110, 4);
            writeBits(dod, 20);
        } else {
            writeBits(0b1111, 4);
            writeBits(dod, 64);
        }
    }

    /** The reader takes an n-bit field above 2^(n−1) as negative, so the range is −(2^(n−1) − 1) … 2^(n−1). */
    private static boolean fits(long x, int n) {
        long half = 1L << (n - 1);
        return x >= -(half - 1) && x <= half;
    }

    private void writeValue(long xor) {
        if (xor == 0) {
            writeBits(0, 1);
            return;
        }
        int lead = Math.min(31, Long.numberOfLeadingZeros(xor));
        int trail = Long.numberOfTrailingZeros(xor);
        if (leading >= 0 && lead >= leading && trail >= trailing) {
            writeBits(0b10, 2);
            writeBits(xor >>> trailing, 64 - leading - trailing);
            return;
        }
        leading = lead;
        trailing = trail;
        int significant = 64 - lead - trail;
        writeBits(0b11, 2);
        writeBits(lead, 5);
        writeBits(significant & 63, 6); // 64 significant bits are written as 0: no XOR has 0
        writeBits(xor >>> trail, significant);
    }

    /** Appends the low {@code n} bits of {@code value}, most significant first. */
    void writeBits(long value, int n) {
        while (n > 0) {
            if (bitsInLastByte == 8) {
                out.put(0);
                bitsInLastByte = 0;
            }
            int free = 8 - bitsInLastByte;
            int take = Math.min(free, n);
            int chunk = (int) ((value >>> (n - take)) & ((1 << take) - 1));
            byte[] b = out.array();
            b[out.size() - 1] |= (byte) (chunk << (free - take));
            bitsInLastByte += take;
            n -= take;
        }
    }
}
