package dev.tandem.slo.prometheus;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Pattern;

import dev.tandem.slo.SloDuration;

/**
 * One metric query of an SLI, turned into PromQL over a window. Two forms are accepted: a metric selector
 * of a counter ({@code http_requests_total{code=~"5.."}}), which is summed with {@code increase}, and a
 * Sloth-style expression with a {@code {{.window}}} placeholder, which is used as written (Sloth's
 * queries are rates; a ratio of rates over one window equals the ratio of increases).
 */
final class PromQuery {

    static final String WINDOW = "{{.window}}";
    private static final Pattern SELECTOR = Pattern.compile(
            "\\s*[a-zA-Z_:][a-zA-Z0-9_:]*\\s*(\\{([^{}\"]|\"([^\"\\\\]|\\\\.)*\")*\\})?\\s*|\\s*\\{([^{}\"]|\"([^\"\\\\]|\\\\.)*\")*\\}\\s*");

    private final String text;
    private final boolean template;

    private PromQuery(String text, boolean template) {
        this.text = text.trim();
        this.template = template;
    }

    /** Parses a query; throws {@link IllegalArgumentException} naming the accepted forms. */
    static PromQuery of(String query, String what) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException(what + " has no query");
        }
        if (query.contains(WINDOW)) {
            return new PromQuery(query, true);
        }
        if (SELECTOR.matcher(query).matches()) {
            return new PromQuery(query, false);
        }
        throw new IllegalArgumentException(what + " query '" + query.trim() + "' must be a counter's metric selector"
                + " (such as http_requests_total{code=~\"5..\"}) or an expression with " + WINDOW);
    }

    boolean isTemplate() {
        return template;
    }

    /** Events (or, for a template, the template's value) over the window, as one series without labels. */
    String over(Duration window) {
        String w = SloDuration.format(window);
        if (template) {
            return "(" + text.replace(WINDOW, w) + ")";
        }
        return "sum(increase(" + text + "[" + w + "]))";
    }

    /** A count of events over the window: a template's rate is multiplied back by the window's seconds. */
    String eventsOver(Duration window) {
        if (template) {
            return over(window) + " * " + window.toSeconds();
        }
        return over(window);
    }

    /** Any instant expression: accepted for threshold and precomputed-ratio metrics, which are not summed. */
    static PromQuery instantExpression(String query, String what) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException(what + " has no query");
        }
        return new PromQuery(query, query.contains(WINDOW));
    }

    /** The query as an instant expression; a template gets {@code window} for its placeholder. */
    String instant(Duration window) {
        return template ? text.replace(WINDOW, SloDuration.format(window)) : text;
    }

    static String number(BigDecimal d) {
        return d.round(new java.math.MathContext(12)).stripTrailingZeros().toPlainString();
    }
}
