package dev.tandem.readiness;

import dev.tandem.catalog.ReadinessLevel;

import java.time.Instant;

/** A production readiness review of one service against one checklist version. */
public record Review(long id, String service, String checklistName, int checklistVersion, ReviewState state,
                     String submittedBy, Instant submittedAt, String reviewer, Instant decidedAt,
                     String decisionComment, ReadinessLevel approvedLevel, String createdBy, Instant createdAt,
                     Instant updatedAt, int version) {
}
