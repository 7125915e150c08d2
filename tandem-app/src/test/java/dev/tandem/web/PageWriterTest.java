package dev.tandem.web;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PageWriterTest {

    /** One call on the writer, and what it should add to the output. */
    private record Call(String kind, String text, int from, int to) {

        void on(PageWriter writer) {
            switch (kind) {
                case "char" -> writer.write(text.charAt(0));
                case "chars" -> writer.write(text.toCharArray(), from, to - from);
                case "string part" -> writer.write(text, from, to - from);
                case "string" -> writer.write(text);
                case "print" -> writer.print(text);
                case "println" -> writer.println(text);
                case "flush" -> writer.flush();
                default -> throw new IllegalStateException(kind);
            }
        }

        String adds() {
            return switch (kind) {
                case "char" -> text.substring(0, 1);
                case "chars", "string part" -> text.substring(from, to);
                case "string", "print" -> text;
                case "println" -> text + System.lineSeparator();
                default -> "";
            };
        }
    }

    @Property(tries = 500)
    void everythingWrittenArrivesOnceAndInOrderWhateverTheBufferSize(@ForAll @IntRange(min = 1, max = 40) int bufferChars,
                                                                      @ForAll("calls") @Size(max = 30) List<Call> calls) {
        StringWriter target = new StringWriter();
        PageWriter writer = new PageWriter(target, bufferChars);
        StringBuilder expected = new StringBuilder();
        for (Call call : calls) {
            call.on(writer);
            expected.append(call.adds());
            if (call.kind().equals("flush")) {
                assertThat(target.toString()).as("after a flush").isEqualTo(expected.toString());
            }
        }
        writer.flush();
        assertThat(target.toString()).isEqualTo(expected.toString());
        assertThat(writer.checkError()).isFalse();
    }

    @Provide
    Arbitrary<List<Call>> calls() {
        Arbitrary<String> texts = Arbitraries.strings().withChars("ab<&→\u00e9\u4e2d\n").ofMinLength(1).ofMaxLength(60);
        Arbitrary<Call> call = Combinators.combine(
                Arbitraries.of("char", "chars", "string part", "string", "print", "println", "flush"), texts,
                Arbitraries.integers().between(0, 60), Arbitraries.integers().between(0, 60)
        ).as((kind, text, a, b) -> {
            int from = Math.min(Math.min(a, b), text.length());
            int to = Math.min(Math.max(a, b), text.length());
            return new Call(kind, text, from, to);
        });
        return call.list();
    }

    @Test
    void holdsSmallPiecesBackUntilTheBufferIsFullOrFlushed() {
        List<String> chunks = new ArrayList<>();
        Writer target = new Writer() {
            @Override
            public void write(char[] chars, int offset, int length) {
                chunks.add(new String(chars, offset, length));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        PageWriter writer = new PageWriter(target, 8);
        writer.write("<td>");
        writer.write("ab");
        assertThat(chunks).isEmpty();
        writer.write("</td>");
        assertThat(chunks).containsExactly("<td>ab</");
        writer.write("0123456789");
        assertThat(chunks).containsExactly("<td>ab</", "td>01234");
        writer.write("abcdefghij".toCharArray());
        assertThat(chunks).as("characters as many as the buffer holds pass at once, after what was held")
                .containsExactly("<td>ab</", "td>01234", "56789", "abcdefghij");
        writer.flush();
        assertThat(chunks).hasSize(4);
    }

    @Test
    void closingPassesOnWhatIsBufferedBeforeItClosesTheTarget() {
        StringBuilder events = new StringBuilder();
        Writer target = new Writer() {
            @Override
            public void write(char[] chars, int offset, int length) {
                events.append("write:").append(chars, offset, length).append(' ');
            }

            @Override
            public void flush() {
                events.append("flush ");
            }

            @Override
            public void close() {
                events.append("close");
            }
        };
        PageWriter writer = new PageWriter(target, 64);
        writer.write("<p>end</p>");
        writer.close();
        assertThat(events.toString()).isEqualTo("write:<p>end</p> flush close");
        assertThat(writer.checkError()).isFalse();
    }

    @Test
    void aFailingTargetIsReportedByCheckErrorNotThrown() {
        Writer broken = new Writer() {
            @Override
            public void write(char[] chars, int offset, int length) throws IOException {
                throw new IOException("connection reset");
            }

            @Override
            public void flush() throws IOException {
                throw new IOException("connection reset");
            }

            @Override
            public void close() {
            }
        };
        PageWriter writer = new PageWriter(broken, 4);
        writer.write("more than four");
        writer.flush();
        assertThat(writer.checkError()).isTrue();
    }
}
