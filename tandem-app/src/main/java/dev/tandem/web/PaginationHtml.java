package dev.tandem.web;

import dev.tandem.shared.Page;

import java.util.function.IntFunction;

/**
 * The pagination under a list, written in Java: as a template fragment it was a few dozen expressions on
 * every list page (docs/performance.md). It says which items are shown and links the previous and next
 * pages, the first and last, and up to three pages either side of the current one. A page past the end of
 * the list says so and links the last page.
 */
final class PaginationHtml {

    private static final int AROUND = 3;

    private PaginationHtml() {
    }

    /** The inside of the pagination's {@code nav}; {@code link} gives the address of a page (0-based). */
    static String render(Page<?> page, IntFunction<String> link) {
        StringBuilder html = new StringBuilder(1536);
        int pages = page.totalPages();
        int current = page.page();
        if (page.items().isEmpty()) {
            html.append("\n  <p class=\"showing\">Page ").append(grouped(current + 1L)).append(" is past the end of the list: it has ")
                    .append(grouped(pages)).append(pages == 1 ? " page" : " pages").append(" of ")
                    .append(grouped(page.totalItems())).append(". ");
            anchor(html, link.apply(Math.max(pages - 1, 0)), "", "Go to the last page");
            return html.append("</p>\n").toString();
        }
        long first = (long) current * page.size() + 1;
        html.append("\n  <p class=\"showing\">Showing <span>").append(grouped(first)).append("</span>–<span>")
                .append(grouped(first + page.items().size() - 1)).append("</span> of <span>")
                .append(grouped(page.totalItems())).append("</span></p>");
        if (pages > 1) {
            int from = Math.max(current - AROUND, 0);
            int to = Math.min(current + AROUND, pages - 1);
            html.append("\n  <ul>\n    <li>");
            if (page.hasPrevious()) {
                anchor(html, link.apply(current - 1), " rel=\"prev\"", "← Previous");
            } else {
                html.append("<span class=\"disabled\" aria-hidden=\"true\">← Previous</span>");
            }
            html.append("</li>");
            if (from > 0) {
                numbered(html, link, 0);
            }
            if (from > 1) {
                html.append("\n    <li aria-hidden=\"true\">…</li>");
            }
            for (int n = from; n <= to; n++) {
                if (n == current) {
                    html.append("\n    <li><span class=\"current\" aria-current=\"page\">").append(n + 1).append("</span></li>");
                } else {
                    numbered(html, link, n);
                }
            }
            if (to < pages - 2) {
                html.append("\n    <li aria-hidden=\"true\">…</li>");
            }
            if (to < pages - 1) {
                numbered(html, link, pages - 1);
            }
            html.append("\n    <li>");
            if (page.hasNext()) {
                anchor(html, link.apply(current + 1), " rel=\"next\"", "Next →");
            } else {
                html.append("<span class=\"disabled\" aria-hidden=\"true\">Next →</span>");
            }
            html.append("</li>\n  </ul>");
        }
        return html.append('\n').toString();
    }

    private static void numbered(StringBuilder html, IntFunction<String> link, int n) {
        html.append("\n    <li>");
        String number = Integer.toString(n + 1);
        anchor(html, link.apply(n), " aria-label=\"Page " + number + "\"", number);
        html.append("</li>");
    }

    private static void anchor(StringBuilder html, String href, String attributes, String text) {
        html.append("<a href=\"");
        Html.escape(html, href);
        html.append('"').append(attributes).append('>').append(text).append("</a>");
    }

    /** 10000 as "10,000", as the fragment's {@code #numbers.formatInteger(n, 1, 'COMMA')} wrote it. */
    static String grouped(long n) {
        String digits = Long.toString(n);
        int start = n < 0 ? 1 : 0;
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3);
        out.append(digits, 0, start);
        for (int i = start; i < digits.length(); i++) {
            if (i > start && (digits.length() - i) % 3 == 0) {
                out.append(',');
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }
}
