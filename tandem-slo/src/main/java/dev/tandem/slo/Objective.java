package dev.tandem.slo;

import java.math.BigDecimal;

/**
 * The target of an SLO: the share of good events (or slices) that must be met, in (0, 1).
 * {@code givenAsPercent} remembers whether the source said {@code targetPercent}, so it is written back
 * the same way. {@code op} and {@code value} are the threshold of a threshold metric (null otherwise).
 */
public record Objective(String displayName, double target, boolean givenAsPercent, Op op, Double value) {

    /** Comparison of a threshold metric with its value: the metric is good when {@code metric op value}. */
    public enum Op {
        LT("lt", "<"), LTE("lte", "<="), GT("gt", ">"), GTE("gte", ">=");

        private final String openSlo;
        private final String promql;

        Op(String openSlo, String promql) {
            this.openSlo = openSlo;
            this.promql = promql;
        }

        public String openSlo() {
            return openSlo;
        }

        public String promql() {
            return promql;
        }

        public static Op of(String name) {
            for (Op op : values()) {
                if (op.openSlo.equals(name)) {
                    return op;
                }
            }
            throw new IllegalArgumentException("op must be one of lt, lte, gt, gte, not '" + name + "'");
        }
    }

    public Objective {
        if (!(target > 0 && target < 1)) {
            throw new IllegalArgumentException("the target must be in (0, 1) (or targetPercent in (0, 100)), got " + target);
        }
        if ((op == null) != (value == null)) {
            throw new IllegalArgumentException("op and value go together");
        }
    }

    public static Objective of(double target) {
        return new Objective(null, target, false, null, null);
    }

    /** The allowed error ratio, 1 − target, exact in decimal: 0.001 for 0.999. */
    public BigDecimal errorBudgetRatio() {
        return BigDecimal.ONE.subtract(BigDecimal.valueOf(target));
    }
}
