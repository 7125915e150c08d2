package dev.tandem.catalog;

/** What an import did to one entity. */
public enum ImportOutcome {
    CREATED, UPDATED, UNCHANGED, SKIPPED
}
