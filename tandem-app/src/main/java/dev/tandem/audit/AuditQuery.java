package dev.tandem.audit;

/** Filters for browsing the audit log; blank fields do not filter. */
public record AuditQuery(String entityType, String entityName, String actor) {
}
