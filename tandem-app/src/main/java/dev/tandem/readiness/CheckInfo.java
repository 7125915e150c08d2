package dev.tandem.readiness;

import dev.tandem.catalog.ReadinessLevel;

import java.util.Map;

/**
 * An automatic check as people see it: what it verifies, where its facts come from (kubernetes,
 * repository, catalog, slo, pushed), how to fix a failure, and how much each readiness level needs it.
 */
public record CheckInfo(String id, String title, String category, String description, String remedy, String source,
                        Map<ReadinessLevel, Requirement> levels) {

    public Requirement requirement(ReadinessLevel level) {
        return levels.getOrDefault(level, Requirement.RECOMMENDED);
    }
}
