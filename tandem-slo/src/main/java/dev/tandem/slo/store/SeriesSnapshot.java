package dev.tandem.slo.store;

import java.time.Instant;
import java.util.List;

/**
 * The stored state of one SLO's series, for persistence: the non-empty minute and hour buckets in time
 * order. Hour buckets include the minutes inside them. {@link EventStore#restore} takes it back as is.
 */
public record SeriesSnapshot(Retention retention, List<Bucket> minutes, List<Bucket> hours) {

    /** Events in the bucket that starts at {@code start} (a minute or an hour). */
    public record Bucket(Instant start, long good, long total) {
    }

    public SeriesSnapshot {
        minutes = List.copyOf(minutes);
        hours = List.copyOf(hours);
    }
}
