package dev.tandem.engagement;

import java.time.Instant;

/** One recorded move of an engagement: who made it, when and why. */
public record Transition(EngagementState from, EngagementState to, String actor, String reason, Instant at) {
}
