package dev.tandem.engagement;

import java.util.List;

/** A criterion's trend over the days asked for, and, for a manual one, every record made. */
public record CriterionHistory(long engagementId, String key, CriterionStatus current, List<CriterionStatus.Day> days,
                               List<ManualRecord> records) {
}
