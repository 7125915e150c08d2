package dev.tandem.slo.internal;

import dev.tandem.slo.EventCounts;
import dev.tandem.slo.IndicatorMetric;
import dev.tandem.slo.MetricSource;
import dev.tandem.slo.SliSource;
import dev.tandem.slo.SloDefinition;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An SLO's event counts from Prometheus: each span [from, to) is answered with {@code increase()} over the
 * span, evaluated at {@code to}, for the SLI's good (or bad) query and its total query. The two accepted
 * query forms are those of the generated rules: a counter's metric selector, summed with
 * {@code sum(increase(…[span]))}, or an expression with Sloth's {@code {{.window}}} placeholder (a rate,
 * multiplied back by the span's seconds). Spans are asked once per evaluation (memoised), and an
 * evaluation that would need more than {@value #MAX_QUERIES} queries (time slices over a long window) is
 * refused rather than flooding the server.
 *
 * <p>{@code increase()} extrapolates to the span's edges, so counts are rounded to whole events.
 */
public final class PrometheusSource implements SliSource {

    static final int MAX_QUERIES = 200;
    private static final Pattern SELECTOR = Pattern.compile(
            "\\s*[a-zA-Z_:][a-zA-Z0-9_:]*\\s*(\\{([^{}\"]|\"([^\"\\\\]|\\\\.)*\")*\\})?\\s*|\\s*\\{([^{}\"]|\"([^\"\\\\]|\\\\.)*\")*\\}\\s*");

    private final PrometheusClient client;
    private final String baseUrl;
    private final IndicatorMetric.Ratio ratio;
    private final Map<String, EventCounts> memo = new HashMap<>();

    private PrometheusSource(PrometheusClient client, String baseUrl, IndicatorMetric.Ratio ratio) {
        this.client = client;
        this.baseUrl = baseUrl;
        this.ratio = ratio;
    }

    /** A fresh source for one evaluation; throws {@link IllegalArgumentException} for SLIs the server cannot query. */
    public static PrometheusSource of(PrometheusClient client, String baseUrl, SloDefinition slo) {
        if (!(slo.indicator().metric() instanceof IndicatorMetric.Ratio ratio)) {
            throw new IllegalArgumentException("PrometheusSource reads ratios of counters;"
                    + " threshold and raw-ratio SLIs are read as per-minute values by PrometheusValues");
        }
        check(ratio.numerator());
        check(ratio.total());
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("no Prometheus address: set the DataSource's connectionDetails.url or tandem.slo.prometheus-url");
        }
        return new PrometheusSource(client, baseUrl, ratio);
    }

    private static void check(MetricSource m) {
        String q = m.query();
        if (q == null || !(q.contains("{{.window}}") || SELECTOR.matcher(q).matches())) {
            throw new IllegalArgumentException("query '" + q + "' must be a counter's metric selector or an expression with {{.window}}");
        }
    }

    @Override
    public EventCounts counts(Instant from, Instant to) {
        long seconds = to.getEpochSecond() - from.getEpochSecond();
        if (seconds <= 0) {
            return EventCounts.NONE;
        }
        String key = from.getEpochSecond() + ":" + to.getEpochSecond();
        EventCounts known = memo.get(key);
        if (known != null) {
            return known;
        }
        if (memo.size() >= MAX_QUERIES) {
            throw new IllegalArgumentException("this SLO needs more than " + MAX_QUERIES + " Prometheus queries per evaluation"
                    + " (time slices over a long window); use the generated recording rules for it");
        }
        long total = Math.round(client.query(baseUrl, events(ratio.total().query(), seconds), to));
        long numerator = Math.round(client.query(baseUrl, events(ratio.numerator().query(), seconds), to));
        total = Math.max(0, total);
        numerator = Math.max(0, Math.min(numerator, total));
        long good = ratio.events() == IndicatorMetric.Events.GOOD ? numerator : total - numerator;
        EventCounts counts = new EventCounts(good, total);
        memo.put(key, counts);
        return counts;
    }

    static String events(String query, long seconds) {
        String window = seconds + "s";
        if (query.contains("{{.window}}")) {
            return "(" + query.replace("{{.window}}", window) + ") * " + seconds;
        }
        return "sum(increase(" + query.trim() + "[" + window + "]))";
    }
}
