package dev.tandem.slo;

import java.time.Instant;

/**
 * An SLO as listed: what it is and its last evaluated state. {@code budgetRemaining}, {@code budgetState},
 * {@code dataState} and {@code evaluatedAt} are null until the SLO was first evaluated. {@code dataReason}
 * says why the data state is STALE (the source's failure) or QUERY_REJECTED (Prometheus's message); else null.
 */
public record SloSummary(String name, String displayName, String service, String ownerTeam, String owner,
                         double target, String source, Double budgetRemaining, BudgetState budgetState,
                         String dataState, String dataReason, Double sli, Instant evaluatedAt, int version) {

    public String label() {
        return displayName == null || displayName.isBlank() ? name : displayName;
    }

    /** The data state as the list shows it: "ok", "no data", "stale", "query rejected"; empty before the first evaluation. */
    public String dataLabel() {
        if (dataState == null) {
            return "";
        }
        return switch (dataState) {
            case SloReport.STALE -> "stale";
            case SloReport.QUERY_REJECTED -> "query rejected";
            case "NO_DATA" -> "no data";
            default -> "ok";
        };
    }

    /** Figures that no longer follow the definition are not shown: Prometheus refuses its query. */
    public boolean queryRejected() {
        return SloReport.QUERY_REJECTED.equals(dataState);
    }

    public String targetPercent() {
        return java.math.BigDecimal.valueOf(target).movePointRight(2).stripTrailingZeros().toPlainString();
    }
}
