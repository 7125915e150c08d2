package dev.tandem.readiness;

import java.time.Instant;

/** One entry in a review's history: a state change, an answered item or a comment. */
public record ReviewEvent(long id, Instant occurredAt, String actor, String kind, String itemId, String fromState,
                          String toState, String comment) {
}
