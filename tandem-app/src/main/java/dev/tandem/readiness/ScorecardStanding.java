package dev.tandem.readiness;

import java.util.List;

/**
 * Where a service stands on one scorecard: the highest level whose checks (and all below) pass, or none,
 * and what the next level still needs.
 */
public record ScorecardStanding(String scorecard, String title, String level, int rank, List<String> levels,
                                String nextLevel, List<String> nextLevelFailing) {
}
