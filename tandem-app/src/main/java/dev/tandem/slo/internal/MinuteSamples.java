package dev.tandem.slo.internal;

import dev.tandem.slo.IndicatorMetric;
import dev.tandem.slo.Objective;

import java.util.List;
import java.util.TreeMap;

/**
 * Per-minute good and total of a threshold or raw-ratio SLI read from Prometheus: the conversion that lets
 * such SLIs run through the same engine paths as counted events.
 *
 * <ul>
 *   <li>A <b>threshold</b> sample is good (1) when {@code value op objective.value} holds, else bad (0).</li>
 *   <li>A <b>raw ratio</b> sample is its good share: the value for a success ratio, 1 − value for a failure
 *   ratio, clamped to [0, 1].</li>
 *   <li>Each sample with a value counts 1 towards the total. {@code NaN} (for example
 *   {@code histogram_quantile} over no traffic, or 0 ÷ 0) is <b>no data</b>: neither good nor bad. A
 *   minute that Prometheus does not answer (a gap) is no data too. Infinities are values.</li>
 *   <li>With several series, a minute's total is the number of series with a value and its good the sum
 *   of their good shares (each series-minute weighs the same).</li>
 * </ul>
 *
 * The generated rules compute the same: {@code (Q >= -Inf) op bool V} and {@code clamp(Q >= -Inf, 0, 1)},
 * averaged per minute.
 */
public final class MinuteSamples {

    private final long[] seconds;
    private final double[] good;
    private final int[] total;

    private MinuteSamples(long[] seconds, double[] good, int[] total) {
        this.seconds = seconds;
        this.good = good;
        this.total = total;
    }

    /** The good share of one sample in [0, 1], or NaN when the sample holds no data. */
    public static double goodShare(IndicatorMetric metric, Objective objective, double value) {
        if (Double.isNaN(value)) {
            return Double.NaN;
        }
        if (metric instanceof IndicatorMetric.Threshold) {
            return meets(objective.op(), value, objective.value()) ? 1 : 0;
        }
        if (metric instanceof IndicatorMetric.RawRatio raw) {
            double v = Math.max(0, Math.min(1, value));
            return raw.rawType() == IndicatorMetric.RawType.SUCCESS ? v : 1 - v;
        }
        throw new IllegalArgumentException("a ratio of counters has no per-minute samples");
    }

    static boolean meets(Objective.Op op, double value, double threshold) {
        return switch (op) {
            case LT -> value < threshold;
            case LTE -> value <= threshold;
            case GT -> value > threshold;
            case GTE -> value >= threshold;
        };
    }

    /** Combines the series of a range answer minute by minute. */
    public static MinuteSamples of(IndicatorMetric metric, Objective objective, List<PrometheusClient.RangeSeries> series) {
        TreeMap<Long, double[]> byMinute = new TreeMap<>();
        for (PrometheusClient.RangeSeries s : series) {
            for (int i = 0; i < s.seconds().length; i++) {
                double share = goodShare(metric, objective, s.values()[i]);
                if (Double.isNaN(share)) {
                    continue;
                }
                double[] acc = byMinute.computeIfAbsent(s.seconds()[i], k -> new double[2]);
                acc[0] += share;
                acc[1] += 1;
            }
        }
        long[] t = new long[byMinute.size()];
        double[] g = new double[t.length];
        int[] n = new int[t.length];
        int i = 0;
        for (var e : byMinute.entrySet()) {
            t[i] = e.getKey();
            g[i] = e.getValue()[0];
            n[i] = (int) e.getValue()[1];
            i++;
        }
        return new MinuteSamples(t, g, n);
    }

    public int size() {
        return seconds.length;
    }

    public long secondsAt(int i) {
        return seconds[i];
    }

    public double goodAt(int i) {
        return good[i];
    }

    public int totalAt(int i) {
        return total[i];
    }
}
