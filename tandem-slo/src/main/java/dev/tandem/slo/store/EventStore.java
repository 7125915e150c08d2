package dev.tandem.slo.store;

import dev.tandem.slo.EventCounts;
import dev.tandem.slo.SliSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tandem's built-in SLI store: pushed counts per SLO, in memory, compact, thread-safe.
 *
 * <ul>
 *   <li>A point is the count of one minute (its timestamp truncated to the minute). Pushing a minute
 *   again replaces it: re-sending a batch never counts twice.</li>
 *   <li>Minute buckets cover the recent past (by default 3 d + 2 h, enough for every burn window); hour
 *   buckets cover the whole window (by default 35 days). See {@link Retention}.</li>
 *   <li>A push is validated as a whole and refused as a whole ({@link InvalidEventsException}): counts
 *   non-negative with good ≤ total and at most {@value #MAX_PER_MINUTE} a minute, timestamps no later than
 *   now + skew and not older than the minute horizon behind the series' newest point (history is
 *   pushed oldest first, or in one batch, which is sorted).</li>
 *   <li>{@link #export}/{@link #restore} hand the buckets to whoever persists them.</li>
 * </ul>
 */
public final class EventStore {

    public static final long MAX_PER_MINUTE = Integer.MAX_VALUE;
    public static final Duration DEFAULT_SKEW = Duration.ofMinutes(5);

    private final ConcurrentHashMap<String, Series> series = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration skew;

    public EventStore() {
        this(Clock.systemUTC(), DEFAULT_SKEW);
    }

    public EventStore(Clock clock, Duration skew) {
        this.clock = clock;
        this.skew = skew;
    }

    /**
     * Sets how much an SLO's series keeps ({@link Retention#forSlo}); an SLO pushed to without this gets
     * {@link Retention#DEFAULT}. Changing the retention of an existing series keeps what still fits.
     */
    public void configure(String slo, Retention retention) {
        series.compute(slo, (name, old) -> {
            if (old != null && old.retention.equals(retention)) {
                return old;
            }
            Series s = new Series(retention);
            if (old != null) {
                s.load(old.snapshot());
            }
            return s;
        });
    }

    /**
     * Stores a batch of points for one SLO: all of it or, with an {@link InvalidEventsException} listing
     * every bad point, none of it. Returns the number of points written.
     */
    public int push(String slo, List<EventPoint> points) {
        Series s = series.computeIfAbsent(slo, n -> new Series(Retention.DEFAULT));
        List<EventPoint> ordered = sortedByTime(points);
        synchronized (s) {
            List<InvalidEventsException.Problem> problems = problems(s, points, ordered);
            if (!problems.isEmpty()) {
                throw new InvalidEventsException(problems);
            }
            for (EventPoint p : ordered) {
                s.write(Math.floorDiv(p.timestamp().getEpochSecond(), 60), p.good(), p.total());
            }
        }
        return ordered.size();
    }

    /**
     * What {@link #push} would refuse in this batch, every bad point by its index, without storing anything:
     * empty when the batch would be taken as the series is now. For a caller that found other faults in
     * the same batch first and wants to report all of them in one answer.
     */
    public List<InvalidEventsException.Problem> problems(String slo, List<EventPoint> points) {
        Series s = series.computeIfAbsent(slo, n -> new Series(Retention.DEFAULT));
        List<EventPoint> ordered = sortedByTime(points);
        synchronized (s) {
            return problems(s, points, ordered);
        }
    }

    private List<InvalidEventsException.Problem> problems(Series s, List<EventPoint> points, List<EventPoint> ordered) {
        long maxSecond = clock.instant().plus(skew).getEpochSecond();
        List<InvalidEventsException.Problem> problems = new ArrayList<>();
        long newest = s.latestMinuteOr(Long.MIN_VALUE);
        for (int k = 0; k < ordered.size(); k++) {
            EventPoint p = ordered.get(k);
            String problem = check(p, maxSecond);
            if (problem == null) {
                long m = Math.floorDiv(p.timestamp().getEpochSecond(), 60);
                newest = Math.max(newest, m);
                if (m < s.oldestWritableMinute(newest)) {
                    problem = "timestamp " + p.timestamp() + " is older than the minute horizon ("
                            + s.retention.minutes().toHours() + " h before the newest point, "
                            + Instant.ofEpochSecond(newest * 60) + "); push history oldest first";
                }
            }
            if (problem != null) {
                problems.add(new InvalidEventsException.Problem(indexOf(points, p, k), problem));
            }
        }
        problems.sort(Comparator.comparingInt(InvalidEventsException.Problem::index));
        return problems;
    }

    private static String check(EventPoint p, long maxSecond) {
        if (p == null || p.timestamp() == null) {
            return "a point needs a timestamp";
        }
        if (p.total() < 0) {
            return "total must not be negative, got " + p.total();
        }
        if (p.good() < 0 || p.good() > p.total()) {
            return "need 0 <= good <= total (bad = total - good <= total), got good=" + p.good() + " total=" + p.total();
        }
        if (p.total() > MAX_PER_MINUTE) {
            return "at most " + MAX_PER_MINUTE + " events a minute, got " + p.total();
        }
        if (p.timestamp().getEpochSecond() > maxSecond) {
            return "timestamp " + p.timestamp() + " is in the future (the latest accepted is " + Instant.ofEpochSecond(maxSecond) + ", now plus the allowed clock skew)";
        }
        return null;
    }

    private static List<EventPoint> sortedByTime(List<EventPoint> points) {
        for (int i = 1; i < points.size(); i++) {
            EventPoint a = points.get(i - 1);
            EventPoint b = points.get(i);
            if (a == null || b == null || a.timestamp() == null || b.timestamp() == null
                    || a.timestamp().compareTo(b.timestamp()) > 0) {
                EventPoint[] copy = points.toArray(new EventPoint[0]);
                // Stable: of two points for the same minute, the later in the batch still wins.
                Arrays.sort(copy, Comparator.nullsFirst(Comparator.comparing(EventPoint::timestamp,
                        Comparator.nullsFirst(Comparator.naturalOrder()))));
                return Arrays.asList(copy);
            }
        }
        return points;
    }

    private static int indexOf(List<EventPoint> original, EventPoint p, int fallback) {
        if (original.size() > fallback && original.get(fallback) == p) {
            return fallback;
        }
        for (int i = 0; i < original.size(); i++) {
            if (original.get(i) == p) {
                return i;
            }
        }
        return fallback;
    }

    /**
     * The SLO's data as the evaluator reads it; an SLO never pushed to reads as no data. The source reads
     * the series as it is now: after {@link #configure} or {@link #restore}, ask again.
     */
    public SliSource source(String slo) {
        Series s = series.get(slo);
        return s != null ? s : (from, to) -> counts(slo, from, to);
    }

    public EventCounts counts(String slo, Instant from, Instant to) {
        Series s = series.get(slo);
        return s == null ? EventCounts.NONE : s.counts(from, to);
    }

    public Optional<SeriesSnapshot> export(String slo) {
        Series s = series.get(slo);
        return s == null ? Optional.empty() : Optional.of(s.snapshot());
    }

    /** Replaces the SLO's series with a snapshot (as {@link #export} made it). */
    public void restore(String slo, SeriesSnapshot snapshot) {
        Series s = new Series(snapshot.retention());
        s.load(snapshot);
        series.put(slo, s);
    }

    public boolean remove(String slo) {
        return series.remove(slo) != null;
    }

    public Set<String> slos() {
        return Set.copyOf(series.keySet());
    }
}
