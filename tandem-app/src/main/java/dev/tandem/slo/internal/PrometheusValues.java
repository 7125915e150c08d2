package dev.tandem.slo.internal;

import dev.tandem.slo.AlertTier;
import dev.tandem.slo.BudgetingMethod;
import dev.tandem.slo.BurnRate;
import dev.tandem.slo.ErrorBudget;
import dev.tandem.slo.EventCounts;
import dev.tandem.slo.IndicatorMetric;
import dev.tandem.slo.Interval;
import dev.tandem.slo.MetricSource;
import dev.tandem.slo.SliSource;
import dev.tandem.slo.SloDefinition;
import dev.tandem.slo.SloDuration;
import dev.tandem.slo.SloEvaluator;
import dev.tandem.slo.SloStatus;
import dev.tandem.slo.TimeWindow;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A threshold or raw-ratio SLI read from Prometheus, as per-minute good and total ({@link MinuteSamples}):
 * a minute is one unit, good as far as its sample is (a threshold met: 1; a raw ratio: its good share), and
 * only minutes with a value count. The engine then computes attainment, budget, burn rates, alerts and
 * time to exhaustion exactly as for counted events; the budget unit is minutes, time-weighted as the
 * generated rules average such SLIs per minute.
 *
 * <p>What is fetched, once per evaluation:
 * <ul>
 *   <li><b>Minutes</b> for the longest alert window (at least an hour): one {@code query_range} of the query
 *   at a 1-minute step (3 days: 4,321 points), compared with the objective here.</li>
 *   <li><b>Buckets</b> for the rest of the window: two {@code query_range}s at a step of a bucket, summing
 *   the per-minute good shares and counting the minutes with a value in each bucket with
 *   {@code sum_over_time(…[B:1m])}/{@code count_over_time(…[B:1m])} (30 days: 2 × 720 points). A bucket is an
 *   hour; for time slices it is the greatest common divisor of the slice and an hour (5-minute slices:
 *   5-minute buckets), so every slice is made of whole buckets. Buckets end at least the longest alert window
 *   ago and no longer change, so with a {@link BucketCache} a repeated evaluation asks only for buckets it does
 *   not hold yet (usually none: one query per evaluation, the minutes).</li>
 * </ul>
 * A sample at minute {@code T} stands for the minute that ends at {@code T} (Prometheus answers the latest
 * sample at or before it), so a span {@code [from, to)} takes the samples with {@code from < T ≤ to}, as
 * Prometheus's own subqueries {@code [w:1m]} do. A span that cuts a bucket takes it when more than half
 * of it lies inside. Queries longer than {@value #MAX_STEPS_PER_QUERY} steps are split; an evaluation
 * needing more than {@value #MAX_POINTS} points is refused (use the generated rules).
 *
 * <p>A raw ratio written as a Sloth template ({@code {{.window}}}) is read per minute with a 5-minute
 * window; a span of an alert window ending at the evaluation instant takes the template over that window
 * instead (one instant query per window), as the generated rules do, over the minutes with data.
 *
 * <p>Counts handed to the engine are in billionths of a minute ({@link #SCALE}), so that raw ratios keep
 * their fractions; {@link #evaluate} scales the minimum event count up and the figures back to minutes.
 */
public final class PrometheusValues implements SliSource {

    /** Units per minute in the counts the engine sees. */
    public static final long SCALE = 1_000_000_000;
    static final int MAX_STEPS_PER_QUERY = 10_000;
    static final int MAX_POINTS = 50_000;
    static final String TEMPLATE_WINDOW = "5m";

    private final long[] minuteEnds;
    private final double[] minuteGoodPrefix;
    private final long[] minuteTotalPrefix;
    private final double[] bucketMids;
    private final double[] bucketGoodPrefix;
    private final long[] bucketTotalPrefix;
    /** For a raw-ratio template: the failure ratio over each alert window ending at {@link #now}, by window seconds (NaN: no sample). */
    private final Map<Long, Double> windowFailure = new HashMap<>();
    private long now = Long.MIN_VALUE;

    PrometheusValues(MinuteSamples minutes, long[] bucketEnds, long bucket, double[] bucketGood, long[] bucketTotal) {
        int n = minutes.size();
        minuteEnds = new long[n];
        minuteGoodPrefix = new double[n + 1];
        minuteTotalPrefix = new long[n + 1];
        for (int i = 0; i < n; i++) {
            minuteEnds[i] = minutes.secondsAt(i);
            minuteGoodPrefix[i + 1] = minuteGoodPrefix[i] + minutes.goodAt(i);
            minuteTotalPrefix[i + 1] = minuteTotalPrefix[i] + minutes.totalAt(i);
        }
        int b = bucketEnds.length;
        bucketMids = new double[b];
        bucketGoodPrefix = new double[b + 1];
        bucketTotalPrefix = new long[b + 1];
        for (int i = 0; i < b; i++) {
            bucketMids[i] = bucketEnds[i] - bucket / 2.0;
            bucketGoodPrefix[i + 1] = bucketGoodPrefix[i] + bucketGood[i];
            bucketTotalPrefix[i + 1] = bucketTotalPrefix[i] + bucketTotal[i];
        }
    }

    /** What one evaluation fetches: minutes after {@code minutesAfter}, buckets of {@code bucket} seconds ending at {@code firstBucketEnd} … {@code minutesAfter}. */
    record Layout(long bucket, long firstBucketEnd, long minutesAfter, long lastMinute) {

        long bucketCount() {
            return firstBucketEnd > minutesAfter ? 0 : (minutesAfter - firstBucketEnd) / bucket + 1;
        }

        long minuteCount() {
            return Math.max(0, (lastMinute - minutesAfter) / 60);
        }

        static Layout of(SloDefinition slo, Instant now, Instant earliest) {
            long bucket = 3600;
            BudgetingMethod method = slo.budgetingMethod();
            if (method instanceof BudgetingMethod.Timeslices t) {
                bucket = gcd(t.sliceWindow().nominal().toSeconds(), 3600);
            } else if (method instanceof BudgetingMethod.RatioTimeslices r) {
                bucket = gcd(r.sliceWindow().nominal().toSeconds(), 3600);
            }
            bucket = Math.max(60, bucket / 60 * 60);
            Interval period = slo.timeWindow().periodAt(now);
            long origin = slo.timeWindow() instanceof TimeWindow.Calendar ? Math.floorDiv(period.start().getEpochSecond(), 60) * 60 : 0;
            Duration longest = SloEvaluator.CURRENT_RATE_WINDOW;
            for (AlertTier tier : slo.alertTiers()) {
                longest = max(longest, max(tier.longWindow(), tier.shortWindow()));
            }
            long nowSecond = now.getEpochSecond();
            long lastMinute = Math.floorDiv(nowSecond, 60) * 60;
            long minutesAfter = origin + Math.floorDiv(nowSecond - longest.toSeconds() - origin, bucket) * bucket;
            long start = Math.min(period.start().getEpochSecond(), earliest.getEpochSecond());
            long firstBucketEnd = origin + Math.floorDiv(start - origin, bucket) * bucket + bucket;
            return new Layout(bucket, firstBucketEnd, minutesAfter, lastMinute);
        }

        private static Duration max(Duration a, Duration b) {
            return a.compareTo(b) >= 0 ? a : b;
        }

        private static long gcd(long a, long b) {
            return b == 0 ? a : gcd(b, a % b);
        }
    }

    /**
     * Fetches what an evaluation at {@code now} needs (and spans back to {@code earliest}, if earlier than the
     * period). Throws {@link PrometheusClient.Unavailable} when Prometheus does not answer, and
     * {@link IllegalArgumentException} for SLIs it cannot read.
     */
    public static PrometheusValues of(PrometheusClient client, String baseUrl, SloDefinition slo, Instant now, Instant earliest) {
        return of(client, baseUrl, slo, now, earliest, null);
    }

    /**
     * As {@link #of(PrometheusClient, String, SloDefinition, Instant, Instant)}, taking the buckets that
     * {@code cache} (when not null) holds for this SLO and asking Prometheus only for the others.
     */
    public static PrometheusValues of(PrometheusClient client, String baseUrl, SloDefinition slo, Instant now, Instant earliest,
                                      BucketCache cache) {
        IndicatorMetric metric = slo.indicator().metric();
        MetricSource source;
        if (metric instanceof IndicatorMetric.Threshold t) {
            source = t.source();
        } else if (metric instanceof IndicatorMetric.RawRatio r) {
            source = r.raw();
        } else {
            throw new IllegalArgumentException("ratios of counters are read by PrometheusSource");
        }
        String query = source.query();
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("the metric source has no spec.query");
        }
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("no Prometheus address: set the DataSource's connectionDetails.url or tandem.slo.prometheus-url");
        }
        Layout layout = Layout.of(slo, now, earliest);
        if (layout.bucketCount() + layout.minuteCount() > MAX_POINTS) {
            throw new IllegalArgumentException("this SLO needs " + (layout.bucketCount() + layout.minuteCount())
                    + " points per evaluation (more than " + MAX_POINTS + "); use the generated recording rules for it");
        }
        String expr = expression(query);

        List<PrometheusClient.RangeSeries> minuteSeries = new ArrayList<>();
        if (layout.minuteCount() > 0) {
            chunks(layout.minutesAfter() + 60, layout.lastMinute(), 60,
                    (from, to) -> minuteSeries.addAll(client.range(baseUrl, expr, from, to, 60)));
        }
        MinuteSamples minutes = MinuteSamples.of(metric, slo.objective(), minuteSeries);

        int buckets = (int) layout.bucketCount();
        long[] ends = new long[buckets];
        double[] good = new double[buckets];
        long[] total = new long[buckets];
        for (int i = 0; i < buckets; i++) {
            ends[i] = layout.firstBucketEnd() + i * layout.bucket();
        }
        if (buckets > 0) {
            BucketFetch fetch = new BucketFetch(client, baseUrl, goodPerBucket(metric, slo, expr, layout.bucket()),
                    totalPerBucket(expr, layout.bucket()), layout.bucket());
            fetch.fill(cache, slo, layout.firstBucketEnd(), layout.minutesAfter(), good, total);
        }
        PrometheusValues values = new PrometheusValues(minutes, ends, layout.bucket(), good, total);
        if (metric instanceof IndicatorMetric.RawRatio raw && query.contains("{{.window}}")) {
            // as the generated rules do: the template over each alert window, evaluated at its end
            values.now = now.toEpochMilli();
            for (Duration w : windows(slo)) {
                List<Double> samples = client.values(baseUrl, query.replace("{{.window}}", SloDuration.format(w)).trim(), now);
                double sum = 0;
                for (double v : samples) {
                    sum += Math.max(0, Math.min(1, v));
                }
                double ratio = samples.isEmpty() ? Double.NaN : sum / samples.size();
                values.windowFailure.put(w.toSeconds(), raw.rawType() == IndicatorMetric.RawType.FAILURE ? ratio : 1 - ratio);
            }
        }
        return values;
    }

    private static TreeSet<Duration> windows(SloDefinition slo) {
        TreeSet<Duration> windows = new TreeSet<>();
        windows.add(SloEvaluator.CURRENT_RATE_WINDOW);
        for (AlertTier tier : slo.alertTiers()) {
            windows.add(tier.longWindow());
            windows.add(tier.shortWindow());
        }
        return windows;
    }

    /** The instant expression whose per-minute values are the SLI: a Sloth template gets a 5-minute window, as in the rules. */
    static String expression(String query) {
        return query.contains("{{.window}}") ? query.replace("{{.window}}", TEMPLATE_WINDOW).trim() : query.trim();
    }

    /** Sum of the per-minute good shares in each bucket ending at the evaluation time; NaN samples dropped. */
    static String goodPerBucket(IndicatorMetric metric, SloDefinition slo, String expr, long bucket) {
        String valued = "((" + expr + ") >= -Inf)";
        String share;
        if (metric instanceof IndicatorMetric.Threshold) {
            share = valued + " " + slo.objective().op().promql() + " bool " + number(slo.objective().value());
        } else if (((IndicatorMetric.RawRatio) metric).rawType() == IndicatorMetric.RawType.SUCCESS) {
            share = "clamp(" + valued + ", 0, 1)";
        } else {
            share = "1 - clamp(" + valued + ", 0, 1)";
        }
        return "sum(sum_over_time((" + share + ")[" + (bucket - 1) + "s:1m]))";
    }

    /** Minutes with a value in each bucket. The range is one second short of the bucket, so adjacent buckets never share a minute. */
    static String totalPerBucket(String expr, long bucket) {
        return "sum(count_over_time(((" + expr + ") >= -Inf)[" + (bucket - 1) + "s:1m]))";
    }

    static String number(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    interface Chunk {
        void fetch(long from, long to);
    }

    static void chunks(long first, long last, long step, Chunk chunk) {
        for (long from = first; from <= last; from += step * MAX_STEPS_PER_QUERY) {
            chunk.fetch(from, Math.min(last, from + step * (MAX_STEPS_PER_QUERY - 1)));
        }
    }

    /** Minutes (scaled by {@link #SCALE}) whose sample lies in the span: {@code from < T ≤ to}; buckets by their middle. */
    @Override
    public EventCounts counts(Instant from, Instant to) {
        double f = from.toEpochMilli() / 1000.0;
        double t = to.toEpochMilli() / 1000.0;
        if (t <= f) {
            return EventCounts.NONE;
        }
        int lo = firstAbove(minuteEnds, f);
        int hi = firstAbove(minuteEnds, t);
        double good = minuteGoodPrefix[hi] - minuteGoodPrefix[lo];
        long total = minuteTotalPrefix[hi] - minuteTotalPrefix[lo];
        int blo = firstAtOrAbove(bucketMids, f);
        int bhi = firstAtOrAbove(bucketMids, t);
        good += bucketGoodPrefix[bhi] - bucketGoodPrefix[blo];
        total += bucketTotalPrefix[bhi] - bucketTotalPrefix[blo];
        long scaledTotal = total * SCALE;
        Double failure = to.toEpochMilli() == now ? windowFailure.get(to.getEpochSecond() - from.getEpochSecond()) : null;
        if (failure != null && to.getNano() == from.getNano()) {
            // a raw-ratio template over an alert window: the template's own ratio over the minutes with data
            if (failure.isNaN() || total == 0) {
                return EventCounts.NONE;
            }
            good = (1 - failure) * total;
        }
        long scaledGood = Math.max(0, Math.min(scaledTotal, Math.round(good * SCALE)));
        return new EventCounts(scaledGood, scaledTotal);
    }

    private static int firstAbove(long[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static int firstAtOrAbove(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] >= x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** The engine's status for the SLO, with the minimum event count read as minutes and the figures in minutes. */
    public SloStatus evaluate(SloDefinition slo, Instant now) {
        long minimum = slo.minimumEvents() > Long.MAX_VALUE / SCALE ? Long.MAX_VALUE : slo.minimumEvents() * SCALE;
        return unscale(SloEvaluator.evaluate(slo.withMinimumEvents(minimum), this, now));
    }

    static SloStatus unscale(SloStatus s) {
        ErrorBudget b = s.errorBudget();
        if (b.unit() == ErrorBudget.Unit.EVENTS) {
            b = new ErrorBudget(b.unit(), b.allowed() / SCALE, b.spent() / SCALE, b.consumed(), b.remaining());
        }
        List<BurnRate> rates = new ArrayList<>(s.burnRates().size());
        for (BurnRate r : s.burnRates()) {
            rates.add(new BurnRate(r.window(), minutes(r.counts()), r.value()));
        }
        return new SloStatus(s.slo(), s.at(), s.period(), s.state(), minutes(s.counts()), s.sli(), s.objective(), b, rates,
                s.alerts(), s.timeToExhaustion());
    }

    /** Scaled counts back to minutes (good rounded to the nearest minute). */
    public static EventCounts minutes(EventCounts scaled) {
        long total = scaled.total() / SCALE;
        long good = Math.max(0, Math.min(total, Math.round((double) scaled.good() / SCALE)));
        return new EventCounts(good, total);
    }

    @Override
    public String toString() {
        return "PrometheusValues[" + minuteEnds.length + " minutes, " + bucketMids.length + " buckets]";
    }
}
