package dev.tandem.readiness;

import dev.tandem.catalog.ReadinessLevel;

import java.time.Instant;
import java.util.List;

/**
 * Everything about one service's production readiness: its level, the current review and the last
 * approved one, every checklist item with its effective state, progress per phase and category, what
 * blocks approval, the automatic check results, exemptions and scorecard levels.
 */
public record ServiceReadiness(String service, String owner, ReadinessLevel level, Review review, Review lastApproved,
                               String checklistName, Integer checklistVersion, Integer latestChecklistVersion,
                               List<ItemStatus> items, List<Progress> phases, List<Progress> categories,
                               List<String> blockers, List<CheckView> checks, List<Exemption> exemptions,
                               List<ScorecardStanding> scorecards, int attestationDays, Instant evaluatedAt) {

    public long dueCount() {
        return items.stream().filter(ItemStatus::due).count();
    }

    public boolean upgradable() {
        return checklistVersion != null && latestChecklistVersion != null && latestChecklistVersion > checklistVersion;
    }
}
