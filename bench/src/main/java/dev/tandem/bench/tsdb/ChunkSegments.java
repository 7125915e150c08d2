package dev.tandem.bench.tsdb;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * The {@code chunks/} directory of a block: segment files {@code 000001}, {@code 000002}, … of at most
 * 512 MiB, each a header (magic {@code 0x85BD40DD}, version 1, 3 bytes of padding) then chunks written as
 * length (uvarint), encoding (1 byte), data and a CRC32C of encoding and data. A chunk's reference is its
 * segment's sequence number (from 0) in the upper 32 bits and its offset in the file in the lower 32.
 */
final class ChunkSegments implements Closeable {

    static final long MAX_SEGMENT_BYTES = 512L << 20;
    private static final int HEADER_BYTES = 8;

    private final Path dir;
    private final ByteSink head = new ByteSink(16);
    private final CRC32C crc = new CRC32C();
    private BlockFile segment;
    private int sequence = -1;
    private long bytes;

    ChunkSegments(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
    }

    /** Writes the chunk and returns its reference. */
    long write(XorChunk chunk) throws IOException {
        long size = uvarintLength(chunk.length()) + 1 + chunk.length() + 4L;
        if (segment == null || segment.position() + size > MAX_SEGMENT_BYTES) {
            next();
        }
        head.clear();
        head.putUvarint(chunk.length()).put(XorChunk.ENCODING);
        long ref = ((long) sequence << 32) | segment.position();
        byte[] data = chunk.array();
        crc.reset();
        crc.update(XorChunk.ENCODING);
        crc.update(data, 0, chunk.length());
        segment.write(head);
        segment.write(data, 0, chunk.length());
        head.clear();
        head.putInt((int) crc.getValue());
        segment.write(head);
        bytes += size;
        return ref;
    }

    private static int uvarintLength(int v) {
        int n = 1;
        while (v >= 0x80) {
            v >>>= 7;
            n++;
        }
        return n;
    }

    long bytes() {
        return bytes;
    }

    private void next() throws IOException {
        if (segment != null) {
            segment.close();
        }
        sequence++;
        segment = new BlockFile(dir.resolve(String.format("%06d", sequence + 1)));
        head.clear();
        head.putInt(0x85BD40DD).put(1).put(0).put(0).put(0);
        segment.write(head);
        bytes += HEADER_BYTES;
    }

    @Override
    public void close() throws IOException {
        if (segment != null) {
            segment.close();
        }
    }
}
