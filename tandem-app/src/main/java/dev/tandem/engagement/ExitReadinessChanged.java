package dev.tandem.engagement;

import java.time.Instant;

/**
 * An engagement's exit readiness moved to another stage (it became ready, or it is time to plan the
 * exit, or it fell back), or it was flagged for a decision or the flag cleared. Published once per change.
 *
 * @param from null for the first evaluation
 */
public record ExitReadinessChanged(long engagementId, String team, ExitReadiness.Stage from, ExitReadiness.Stage to,
                                   boolean needsDecision, Instant at) {
}
