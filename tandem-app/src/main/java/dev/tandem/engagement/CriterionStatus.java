package dev.tandem.engagement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One exit criterion as last evaluated: its state, since when it has been in that state, what the
 * signal said ("checkout is at Silver; Gold needed"), how far along it is, and its daily trend.
 *
 * @param progress    0 to 1 where the signal has a natural measure (levels, scores, SLI); null otherwise
 * @param stale       the signal's source did not answer; the state is the last known one
 * @param since       when the state last changed; null when never evaluated
 * @param evaluatedAt null when never evaluated
 * @param trend       the last status of each day, oldest first, for the days that have one
 */
public record CriterionStatus(String key, String kind, String description, CriterionState state, String detail,
                              Double progress, boolean stale, Instant since, Instant evaluatedAt, List<Day> trend) {

    public CriterionStatus {
        trend = trend == null ? List.of() : List.copyOf(trend);
    }

    public boolean met() {
        return state == CriterionState.MET;
    }

    /** The last status of one day. */
    public record Day(LocalDate day, CriterionState state) {
    }
}
