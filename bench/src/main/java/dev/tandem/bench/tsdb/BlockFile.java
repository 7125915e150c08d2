package dev.tandem.bench.tsdb;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A file written front to back through a buffer, knowing its position (offsets are references in TSDB files). */
final class BlockFile implements Closeable {

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
    private long position;

    BlockFile(Path path) throws IOException {
        channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    long position() {
        return position;
    }

    void write(byte[] bytes, int from, int length) throws IOException {
        while (length > 0) {
            if (!buffer.hasRemaining()) {
                flush();
            }
            int n = Math.min(length, buffer.remaining());
            buffer.put(bytes, from, n);
            from += n;
            length -= n;
            position += n;
        }
    }

    void write(ByteSink sink) throws IOException {
        write(sink.array(), 0, sink.size());
    }

    /** Zero bytes up to the next multiple of {@code alignment}. */
    void align(int alignment) throws IOException {
        int pad = (int) ((alignment - position % alignment) % alignment);
        write(new byte[pad], 0, pad);
    }

    private void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
            channel.force(false);
        } finally {
            channel.close();
        }
    }
}
