package dev.tandem.slo;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** A naive SLI source for tests: a sorted map of minute buckets, summed one by one. */
final class MinuteData implements SliSource {

    private final TreeMap<Long, long[]> minutes = new TreeMap<>();

    /** Sets the minute starting at {@code t} (truncated) to good/total. */
    MinuteData put(Instant t, long good, long total) {
        minutes.put(Math.floorDiv(t.getEpochSecond(), 60), new long[] {good, total});
        return this;
    }

    /** Fills every minute of [from, to) with the same counts. */
    MinuteData fill(Instant from, Instant to, long good, long total) {
        for (Instant t = from; t.isBefore(to); t = t.plusSeconds(60)) {
            put(t, good, total);
        }
        return this;
    }

    @Override
    public EventCounts counts(Instant from, Instant to) {
        long g = 0;
        long tot = 0;
        for (Map.Entry<Long, long[]> e : minutes.entrySet()) {
            long start = e.getKey() * 60;
            if (!Instant.ofEpochSecond(start).isBefore(from) && Instant.ofEpochSecond(start).isBefore(to)) {
                g += e.getValue()[0];
                tot += e.getValue()[1];
            }
        }
        return new EventCounts(g, tot);
    }
}
