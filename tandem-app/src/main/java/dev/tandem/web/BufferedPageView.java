package dev.tandem.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.thymeleaf.spring6.view.ThymeleafView;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;

/**
 * A Thymeleaf view that writes the page through a character buffer. Thymeleaf writes a page in hundreds of
 * small pieces (a tag name, an attribute, a text node), and each piece otherwise passes Spring Security's
 * response wrappers and Tomcat's character encoder on its own: 13 % of a service list page's CPU time
 * (docs/performance.md). Here they are collected into 16 KB chunks first, by a {@link PageWriter} that takes
 * no lock per piece: {@code PrintWriter} over {@code BufferedWriter} took two, and with them a fifth of the
 * page's samples.
 *
 * <p>Rendering into a {@code String} instead, as Thymeleaf's own option does, was slower: the pages hold
 * a few characters outside Latin-1 (arrows, dashes), and from the first of them on a {@code StringBuilder}
 * doubles its size and copies every later character as two bytes.
 *
 * <p>Nothing is written when rendering fails within the first 16 KB, so the error page replaces a half page.
 */
public class BufferedPageView extends ThymeleafView {

    static final int BUFFER_CHARS = 16 * 1024;

    @Override
    public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response) throws Exception {
        BufferedResponse buffered = new BufferedResponse(response);
        super.render(model, request, buffered);
        buffered.flushWriter();
    }

    /** The response whose writer is buffered; everything else is the response's own. */
    static final class BufferedResponse extends HttpServletResponseWrapper {

        private PrintWriter writer;

        BufferedResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                writer = new PageWriter(super.getWriter(), BUFFER_CHARS);
            }
            return writer;
        }

        @Override
        public void flushBuffer() throws IOException {
            flushWriter();
            super.flushBuffer();
        }

        @Override
        public void resetBuffer() {
            writer = null;
            super.resetBuffer();
        }

        @Override
        public void reset() {
            writer = null;
            super.reset();
        }

        void flushWriter() {
            if (writer != null) {
                writer.flush();
            }
        }
    }
}
