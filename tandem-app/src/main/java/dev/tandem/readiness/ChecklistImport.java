package dev.tandem.readiness;

/** What importing a checklist document did: a new version, or nothing because it was unchanged. */
public record ChecklistImport(String name, int version, boolean created, boolean dryRun, int items) {
}
