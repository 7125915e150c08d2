package dev.tandem.catalog;

/** One entity of an imported file and what happened to it; {@code note} says why it was skipped. */
public record ImportedEntity(String kind, String name, ImportOutcome outcome, String note) {
}
