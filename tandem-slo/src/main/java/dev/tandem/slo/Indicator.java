package dev.tandem.slo;

/** A service level indicator (OpenSLO kind SLI): its name, descriptions and metric. */
public record Indicator(String name, String displayName, String description, IndicatorMetric metric) {
    public Indicator {
        if (metric == null) {
            throw new IllegalArgumentException("an indicator needs a metric");
        }
    }

    public static Indicator of(String name, IndicatorMetric metric) {
        return new Indicator(name, null, null, metric);
    }

    /** True when every metric source of the indicator reads the built-in event store. */
    public boolean readsBuiltInStore() {
        IndicatorMetric m = metric;
        if (m instanceof IndicatorMetric.Ratio) {
            IndicatorMetric.Ratio r = (IndicatorMetric.Ratio) m;
            return r.numerator().isBuiltIn() && r.total().isBuiltIn();
        }
        if (m instanceof IndicatorMetric.RawRatio) {
            return ((IndicatorMetric.RawRatio) m).raw().isBuiltIn();
        }
        return ((IndicatorMetric.Threshold) m).source().isBuiltIn();
    }
}
