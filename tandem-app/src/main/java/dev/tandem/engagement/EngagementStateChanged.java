package dev.tandem.engagement;

import java.time.Instant;

/** An engagement moved; surveys (at exit), the roster and notifications listen. */
public record EngagementStateChanged(long engagementId, String team, EngagementState from, EngagementState to,
                                     String actor, String reason, Instant at) {
}
