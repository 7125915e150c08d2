package dev.tandem.readiness;

import java.util.List;

/**
 * Services per level of one scorecard, for the organisation and for each team. {@code counts[i]} is the
 * number of services at rank i: 0 means no level yet, 1 the first level, and so on.
 */
public record ScorecardRollup(String scorecard, List<String> levels, Row organisation, List<Row> teams) {

    public record Row(String team, int[] counts) {

        public int total() {
            int t = 0;
            for (int c : counts) {
                t += c;
            }
            return t;
        }
    }
}
