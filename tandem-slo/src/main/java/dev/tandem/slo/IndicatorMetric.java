package dev.tandem.slo;

/** What an indicator measures: a ratio of event counts, a precomputed ratio, or a thresholded value. */
public sealed interface IndicatorMetric
        permits IndicatorMetric.Ratio, IndicatorMetric.RawRatio, IndicatorMetric.Threshold {

    /** Which events the numerator of a ratio counts. */
    enum Events { GOOD, BAD }

    /** Whether a raw ratio is the share of success (good ÷ total) or of failure (bad ÷ total). */
    enum RawType { SUCCESS, FAILURE }

    /**
     * {@code numerator} ÷ {@code total}, the numerator counting good or bad events. {@code counter} says the
     * metrics are monotonically increasing counters (OpenSLO's {@code counter}).
     */
    record Ratio(Events events, MetricSource numerator, MetricSource total, boolean counter) implements IndicatorMetric {
        public Ratio {
            if (events == null || numerator == null || total == null) {
                throw new IllegalArgumentException("a ratio needs good or bad, and total");
            }
        }

        public static Ratio goodOverTotal(MetricSource good, MetricSource total) {
            return new Ratio(Events.GOOD, good, total, true);
        }

        public static Ratio badOverTotal(MetricSource bad, MetricSource total) {
            return new Ratio(Events.BAD, bad, total, true);
        }
    }

    /** A ratio computed elsewhere and stored as one metric. */
    record RawRatio(RawType rawType, MetricSource raw) implements IndicatorMetric {
        public RawRatio {
            if (rawType == null || raw == null) {
                throw new IllegalArgumentException("a raw ratio needs rawType and raw");
            }
        }
    }

    /** A value (such as a latency percentile) compared with the objective's {@code op} and {@code value}. */
    record Threshold(MetricSource source) implements IndicatorMetric {
        public Threshold {
            if (source == null) {
                throw new IllegalArgumentException("a threshold metric needs a metric source");
            }
        }
    }
}
