package dev.tandem.web;

/** Markup written in Java rather than by a template, for the parts of a page that are costly as templates. */
public final class Html {

    private Html() {
    }

    /**
     * Appends {@code value} escaped for HTML text and quoted attributes, as Spring's {@code HtmlUtils.htmlEscape}
     * does ({@code & < > " '}), without building a new string for each value: on a page of 50 rows that
     * was the largest single cost of rendering.
     */
    public static void escape(StringBuilder html, String value) {
        int from = 0;
        for (int i = 0; i < value.length(); i++) {
            String entity = switch (value.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (entity != null) {
                html.append(value, from, i).append(entity);
                from = i + 1;
            }
        }
        html.append(value, from, value.length());
    }
}
