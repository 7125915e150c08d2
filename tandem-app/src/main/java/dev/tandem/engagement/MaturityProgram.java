package dev.tandem.engagement;

import java.util.List;

/**
 * The maturity matrix across the program. Per area: the mean "before" (START, else the earliest
 * assessment) and "after" (END, else the newest) over the engagements that have two different
 * assessments, and the mean change. Per engagement: its before and after averages.
 */
public record MaturityProgram(List<AreaRow> areas, List<EngagementRow> engagements) {

    /** @param meanStart null when no engagement has a before and an after yet */
    public record AreaRow(String area, String label, Double meanStart, Double meanEnd, Double meanDelta, int engagements) {
    }

    /** @param after null while the engagement has a single assessment */
    public record EngagementRow(long engagementId, String title, String team, String state, int assessments,
                                double before, Double after, Double delta) {
    }
}
