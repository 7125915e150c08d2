package dev.tandem.readiness;

/** The facts of a service changed: its check results, items and scorecard levels may have too. */
public record FactsChanged(long serviceId, String serviceName) {
}
