package dev.tandem.readiness;

import dev.tandem.catalog.ReadinessLevel;

import java.util.List;
import java.util.Map;

/**
 * One question of a checklist: what must be true, in which phase and category, how much each readiness
 * level needs it, and which automatic checks (if any) can answer it.
 */
public record ChecklistItem(String id, Phase phase, String category, String title, String guidance,
                            Map<ReadinessLevel, Requirement> levels, List<String> checks) {

    public Requirement requirement(ReadinessLevel level) {
        return levels.getOrDefault(level, Requirement.RECOMMENDED);
    }
}
