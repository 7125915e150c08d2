package dev.tandem.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * A {@link PrintWriter} that collects what is written into a buffer of its own and passes it on in chunks,
 * for one thread: unlike {@code PrintWriter} over {@code BufferedWriter} it takes no lock per write. A page
 * is written by the one thread that serves its request. As with any {@code PrintWriter}, a failing target
 * makes {@link #checkError()} true instead of throwing.
 */
final class PageWriter extends PrintWriter {

    private final Writer target;
    private final char[] buffer;
    private int used;

    PageWriter(Writer target, int bufferChars) {
        super(target, false);
        if (bufferChars < 1) {
            throw new IllegalArgumentException("buffer of " + bufferChars + " chars");
        }
        this.target = target;
        this.buffer = new char[bufferChars];
    }

    @Override
    public void write(int c) {
        if (used == buffer.length) {
            drain();
        }
        buffer[used++] = (char) c;
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        if (length > buffer.length - used) {
            drain();
            if (length >= buffer.length) {
                pass(chars, offset, length);
                return;
            }
        }
        System.arraycopy(chars, offset, buffer, used, length);
        used += length;
    }

    @Override
    public void write(String text, int offset, int length) {
        int end = offset + length;
        while (offset < end) {
            if (used == buffer.length) {
                drain();
            }
            int n = Math.min(end - offset, buffer.length - used);
            text.getChars(offset, offset + n, buffer, used);
            used += n;
            offset += n;
        }
    }

    @Override
    public void flush() {
        drain();
        try {
            target.flush();
        } catch (IOException e) {
            setError();
        }
    }

    /** Passes on what is buffered first: {@code PrintWriter} would close the target without it. */
    @Override
    public void close() {
        flush();
        super.close();
    }

    /** {@code PrintWriter} would write the line separator straight to the target, ahead of what is buffered. */
    @Override
    public void println() {
        write(System.lineSeparator());
    }

    private void drain() {
        if (used > 0) {
            pass(buffer, 0, used);
            used = 0;
        }
    }

    private void pass(char[] chars, int offset, int length) {
        try {
            target.write(chars, offset, length);
        } catch (IOException e) {
            setError();
        }
    }
}
