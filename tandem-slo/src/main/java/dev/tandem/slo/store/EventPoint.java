package dev.tandem.slo.store;

import java.time.Instant;

/**
 * One pushed data point: the events of the minute that contains {@code timestamp}. Pushing the same
 * minute again replaces it.
 */
public record EventPoint(Instant timestamp, long good, long total) {

    /** {@code {timestamp, good, total}}. Validation happens in {@link EventStore#push}, with all problems at once. */
    public static EventPoint good(Instant timestamp, long good, long total) {
        return new EventPoint(timestamp, good, total);
    }

    /** {@code {timestamp, bad, total}}: stored as good = total − bad. */
    public static EventPoint bad(Instant timestamp, long bad, long total) {
        return new EventPoint(timestamp, total - bad, total);
    }
}
