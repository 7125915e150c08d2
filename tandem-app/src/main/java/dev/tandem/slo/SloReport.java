package dev.tandem.slo;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An SLO's status as the API and pages show it. Every number is finite: where there is no data a field
 * is null (absent from JSON), never NaN or infinity.
 *
 * @param at                when the figures were computed (for a STALE report: when they were last fresh)
 * @param dataState         OK; NO_DATA; STALE when the SLI source did not answer and these are the last good figures;
 *                          QUERY_REJECTED when Prometheus answered but refused a query of the SLO (no figures: the
 *                          definition must change)
 * @param lastFreshAt       when the source last answered with data (null if it never did)
 * @param staleReason       why the source did not answer, for STALE; why there is no data, for NO_DATA
 * @param queryError        the query Prometheus refused and its message, for QUERY_REJECTED; else null
 * @param sli               attainment over the elapsed window, in [0, 1]
 * @param burnRates         burn rate by window name ({@code "5m"}, {@code "1h"}, …); null where the window has no events
 *                          (kept in JSON, unlike other nulls: every window the alerts use is named)
 * @param timeToExhaustion  ISO-8601 duration until the budget is gone at the 1-hour burn rate; null when nothing burns
 */
public record SloReport(String slo, String service, String owner, Instant at, Instant periodStart, Instant periodEnd,
                        String dataState, Instant lastFreshAt, String staleReason, QueryError queryError, Counts counts, Double sli,
                        double objective, Budget errorBudget,
                        @JsonInclude(content = JsonInclude.Include.ALWAYS) Map<String, Double> burnRates, List<Alert> alerts,
                        String timeToExhaustion, Long timeToExhaustionSeconds, Policy policy) {

    /** Data states besides OK and NO_DATA (the engine's own). */
    public static final String STALE = "STALE";
    public static final String QUERY_REJECTED = "QUERY_REJECTED";

    public record Counts(long good, long bad, long total) {
    }

    /**
     * A query Prometheus refused: the PromQL sent, the HTTP status (200 when the answer said {@code "status":"error"}),
     * Prometheus's {@code errorType} ({@code bad_data}, {@code execution}; null when the answer was not Prometheus's
     * JSON) and its message.
     */
    public record QueryError(String query, int httpStatus, String errorType, String message) {

        /** One line for lists and criteria: "bad_data: 1:5: parse error: …". */
        public String summary() {
            return (errorType == null ? "" : errorType + ": ") + message;
        }
    }

    /**
     * The budget as fractions of itself: {@code total} is 1, {@code consumed} + {@code remaining} = 1
     * (remaining negative when overspent); {@code allowed} and {@code spent} are in {@code unit}s.
     */
    public record Budget(double total, double consumed, double remaining, String unit, double allowed, double spent) {
    }

    public record Alert(String tier, String severity, List<String> windows, String longWindow, String shortWindow,
                        BigDecimal factor, Double longBurnRate, Double shortBurnRate, boolean firing, String state) {
    }

    /** The budget-policy state, its thresholds, the agreed action, and whether it is the SLO's own policy. */
    public record Policy(BudgetState state, double atRiskBelow, double exhaustedAtOrBelow, String action,
                         String origin) {
    }

    /** The time to exhaustion as people read it: "already exhausted", "3 d 4 h", "25 min"; null when nothing burns. */
    public String timeToExhaustionText() {
        if (timeToExhaustionSeconds == null) {
            return null;
        }
        long s = timeToExhaustionSeconds;
        if (s <= 0) {
            return "already exhausted";
        }
        long days = s / 86_400;
        long hours = s % 86_400 / 3600;
        long minutes = s % 3600 / 60;
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        return hours > 0 ? hours + " h " + minutes + " min" : Math.max(1, minutes) + " min";
    }

    public boolean stale() {
        return STALE.equals(dataState);
    }

    public boolean queryRejected() {
        return QUERY_REJECTED.equals(dataState);
    }

    public boolean firing(String severity) {
        return alerts.stream().anyMatch(a -> a.firing() && a.severity().equals(severity));
    }
}
