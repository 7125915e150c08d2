package dev.tandem.audit;

import java.time.Instant;

/** One recorded change. {@code before} and {@code after} are JSON snapshots (null on create/delete). */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, String entityType,
                         String entityName, String summary, String before, String after) {
}
