package dev.tandem.slo;

/** The SLOs of a service were imported, changed or deleted: facts about them may have changed. */
public record SlosChanged(String service) {
}
