package dev.tandem.slo;

import java.util.List;

/**
 * What importing a definitions file did, or would do ({@code dryRun}): per SLO whether it was created,
 * updated (its version then rises) or left unchanged, and the file's warnings (fields without effect).
 */
public record SloImportResult(boolean dryRun, List<Entry> slos, List<String> warnings) {

    public record Entry(String name, String service, String outcome, int version) {
    }

    public SloImportResult {
        slos = List.copyOf(slos);
        warnings = List.copyOf(warnings);
    }

    public boolean changedNothing() {
        return slos.stream().allMatch(e -> e.outcome().equals("unchanged"));
    }
}
