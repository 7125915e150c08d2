package dev.tandem.slo;

import java.time.Instant;

/**
 * An SLO as listed: what it is and its last evaluated state. {@code budgetRemaining}, {@code budgetState},
 * {@code dataState} and {@code evaluatedAt} are null until the SLO was first evaluated.
 */
public record SloSummary(String name, String displayName, String service, String ownerTeam, String owner,
                         double target, String source, Double budgetRemaining, BudgetState budgetState,
                         String dataState, Double sli, Instant evaluatedAt, int version) {

    public String label() {
        return displayName == null || displayName.isBlank() ? name : displayName;
    }

    public String targetPercent() {
        return java.math.BigDecimal.valueOf(target).movePointRight(2).stripTrailingZeros().toPlainString();
    }
}
