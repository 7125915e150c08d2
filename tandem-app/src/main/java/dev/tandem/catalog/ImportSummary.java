package dev.tandem.catalog;

import java.util.List;

/** The answer to an import: counts per outcome and every entity. A dry run writes nothing. */
public record ImportSummary(int created, int updated, int unchanged, int skipped, boolean dryRun,
                            List<ImportedEntity> entities) {

    public static ImportSummary of(List<ImportedEntity> entities, boolean dryRun) {
        int[] counts = new int[ImportOutcome.values().length];
        entities.forEach(e -> counts[e.outcome().ordinal()]++);
        return new ImportSummary(counts[0], counts[1], counts[2], counts[3], dryRun, List.copyOf(entities));
    }

    public boolean changedNothing() {
        return created == 0 && updated == 0;
    }
}
