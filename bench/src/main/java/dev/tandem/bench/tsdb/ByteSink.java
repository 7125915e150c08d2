package dev.tandem.bench.tsdb;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * A growable byte array with the encodings of Prometheus's TSDB files: big-endian fixed widths, Go's
 * {@code uvarint} (7 bits a byte, low group first) and {@code varint} (zig-zag, then uvarint).
 */
final class ByteSink {

    private byte[] bytes;
    private int size;

    ByteSink(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    int size() {
        return size;
    }

    byte[] array() {
        return bytes;
    }

    void clear() {
        size = 0;
    }

    ByteSink put(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
        return this;
    }

    ByteSink putInt(int v) {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (v >>> shift);
        }
        return this;
    }

    ByteSink putLong(long v) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (v >>> shift);
        }
        return this;
    }

    ByteSink putUvarint(long v) {
        ensure(10);
        while (Long.compareUnsigned(v, 0x80) >= 0) {
            bytes[size++] = (byte) (v | 0x80);
            v >>>= 7;
        }
        bytes[size++] = (byte) v;
        return this;
    }

    ByteSink putVarint(long v) {
        return putUvarint((v << 1) ^ (v >> 63));
    }

    /** A string as its byte length (uvarint) and its UTF-8 bytes. */
    ByteSink putString(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        putUvarint(utf8.length);
        return putBytes(utf8, 0, utf8.length);
    }

    ByteSink putBytes(byte[] b, int from, int length) {
        ensure(length);
        System.arraycopy(b, from, bytes, size, length);
        size += length;
        return this;
    }

    /** Overwrites 4 bytes at {@code at} (for a length known only after the content). */
    void setInt(int at, int v) {
        for (int i = 0; i < 4; i++) {
            bytes[at + i] = (byte) (v >>> (24 - 8 * i));
        }
    }

    /** CRC32 with the Castagnoli polynomial over {@code [from, size)}, as TSDB files checksum their sections. */
    int crc32c(int from) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, from, size - from);
        return (int) crc.getValue();
    }

    void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
