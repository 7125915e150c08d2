package dev.tandem.slo;

/** What the remaining error budget means under the SLO's budget policy. */
public enum BudgetState {
    /** More budget left than the policy's at-risk threshold: ship as usual. */
    HEALTHY,
    /** Between the thresholds: reliability work comes first, risky changes wait. */
    AT_RISK,
    /** At or below the exhausted threshold: the policy's agreed actions apply (a feature freeze, say). */
    EXHAUSTED;

    public String label() {
        return switch (this) {
            case HEALTHY -> "healthy";
            case AT_RISK -> "at risk";
            case EXHAUSTED -> "exhausted";
        };
    }
}
