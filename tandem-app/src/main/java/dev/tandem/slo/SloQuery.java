package dev.tandem.slo;

/** Filters of the SLO list: the catalog service, and the team that owns the service. Null means any. */
public record SloQuery(String service, String team) {
}
