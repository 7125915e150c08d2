package dev.tandem.slo;

import java.time.Instant;

/**
 * Event counts for any span of time: the engine's only view of SLI data. The built-in store implements
 * it; a Prometheus-backed source can too (answering each span with {@code increase()} queries).
 *
 * <p>Counts are of events in minute buckets whose start lies in [from, to).
 */
@FunctionalInterface
public interface SliSource {
    EventCounts counts(Instant from, Instant to);
}
