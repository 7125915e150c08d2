package dev.tandem.readiness;

import java.time.LocalDate;

/** Services per rank of a scorecard on one day (rank 0 is "no level"). */
public record ScorecardHistoryPoint(LocalDate day, int[] counts) {
}
