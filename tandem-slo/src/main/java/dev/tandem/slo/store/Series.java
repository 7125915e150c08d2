package dev.tandem.slo.store;

import dev.tandem.slo.EventCounts;
import dev.tandem.slo.SliSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One SLO's counts in two rings: minute buckets for the recent past, hour buckets for the whole
 * retention. Every write lands in both (the hour bucket takes the minute's change), so hour buckets are
 * always complete and minute buckets can simply fall off the ring. Counts per minute are ints (8 bytes a
 * minute), per hour longs (16 bytes an hour): a default series is about 50 KB.
 *
 * <p>Writes and reads lock the series; the store's map is concurrent, so SLOs do not contend.
 */
final class Series implements SliSource {

    final Retention retention;
    private final int minuteSlots;
    private final int hourSlots;
    private final int[] minutes;
    private final long[] hours;
    private boolean empty = true;
    private long latestMinute;
    private long latestHour;

    Series(Retention retention) {
        this.retention = retention;
        this.minuteSlots = Math.toIntExact(retention.minutes().toMinutes());
        this.hourSlots = Math.toIntExact(retention.hours().toHours()) + 1;
        this.minutes = new int[2 * minuteSlots];
        this.hours = new long[2 * hourSlots];
    }

    /** The oldest epoch minute that can still be written, given the newest minute the write would make. */
    long oldestWritableMinute(long newest) {
        return newest - minuteSlots + 1;
    }

    synchronized long latestMinuteOr(long fallback) {
        return empty ? fallback : latestMinute;
    }

    /** Replaces the counts of epoch minute {@code m}; the caller has validated it (see {@link EventStore#push}). */
    synchronized void write(long m, long good, long total) {
        if (empty) {
            empty = false;
            latestMinute = m;
            latestHour = Math.floorDiv(m, 60);
        } else if (m > latestMinute) {
            advanceMinutes(m);
        }
        int i = 2 * (int) Math.floorMod(m, (long) minuteSlots);
        long dGood = good - minutes[i];
        long dTotal = total - minutes[i + 1];
        minutes[i] = (int) good;
        minutes[i + 1] = (int) total;
        long h = Math.floorDiv(m, 60);
        if (h > latestHour) {
            advanceHours(h);
        }
        int j = 2 * (int) Math.floorMod(h, (long) hourSlots);
        hours[j] += dGood;
        hours[j + 1] += dTotal;
    }

    private void advanceMinutes(long m) {
        if (m - latestMinute >= minuteSlots) {
            java.util.Arrays.fill(minutes, 0);
        } else {
            for (long k = latestMinute + 1; k <= m; k++) {
                int i = 2 * (int) Math.floorMod(k, (long) minuteSlots);
                minutes[i] = 0;
                minutes[i + 1] = 0;
            }
        }
        latestMinute = m;
    }

    private void advanceHours(long h) {
        if (h - latestHour >= hourSlots) {
            java.util.Arrays.fill(hours, 0);
        } else {
            for (long k = latestHour + 1; k <= h; k++) {
                int j = 2 * (int) Math.floorMod(k, (long) hourSlots);
                hours[j] = 0;
                hours[j + 1] = 0;
            }
        }
        latestHour = h;
    }

    @Override
    public EventCounts counts(Instant from, Instant to) {
        return sum(ceilMinute(from), ceilMinute(to));
    }

    /** The first epoch minute whose start is at or after {@code t}. */
    static long ceilMinute(Instant t) {
        long s = t.getEpochSecond() + (t.getNano() > 0 ? 1 : 0);
        return Math.floorDiv(s + 59, 60);
    }

    /** Events in minutes [a, b). Hour-aligned middles come from hour buckets; ragged edges from minutes. */
    synchronized EventCounts sum(long a, long b) {
        if (empty || a >= b) {
            return EventCounts.NONE;
        }
        long[] acc = new long[2];
        long ha = Math.floorDiv(a + 59, 60);
        long hb = Math.floorDiv(b, 60);
        if (ha < hb) {
            partial(a, ha * 60, acc);
            hourRange(ha, hb, acc);
            partial(hb * 60, b, acc);
        } else {
            partial(a, b, acc);
        }
        return new EventCounts(acc[0], acc[1]);
    }

    /**
     * Minutes [x, y), at most two hours' worth. Where minutes have fallen off the ring, the span is
     * rounded to the nearest whole hour: the hour bucket counts when the span covers half of it or more.
     */
    private void partial(long x, long y, long[] acc) {
        long oldestMinute = latestMinute - minuteSlots + 1;
        while (x < y) {
            long hourEnd = Math.floorDiv(x, 60) * 60 + 60;
            long segEnd = Math.min(y, hourEnd);
            if (x >= oldestMinute) {
                long end = Math.min(segEnd, latestMinute + 1);
                for (long m = x; m < end; m++) {
                    int i = 2 * (int) Math.floorMod(m, (long) minuteSlots);
                    acc[0] += minutes[i];
                    acc[1] += minutes[i + 1];
                }
            } else if (segEnd - x >= 30) {
                hourRange(Math.floorDiv(x, 60), Math.floorDiv(x, 60) + 1, acc);
            }
            x = segEnd;
        }
    }

    private void hourRange(long from, long to, long[] acc) {
        long lo = Math.max(from, latestHour - hourSlots + 1);
        long hi = Math.min(to, latestHour + 1);
        if (lo >= hi) {
            return;
        }
        int j = 2 * (int) Math.floorMod(lo, (long) hourSlots);
        long g = 0;
        long t = 0;
        for (long h = lo; h < hi; h++) {
            g += hours[j];
            t += hours[j + 1];
            j += 2;
            if (j == hours.length) {
                j = 0;
            }
        }
        acc[0] += g;
        acc[1] += t;
    }

    synchronized SeriesSnapshot snapshot() {
        List<SeriesSnapshot.Bucket> ms = new ArrayList<>();
        List<SeriesSnapshot.Bucket> hs = new ArrayList<>();
        if (!empty) {
            for (long m = latestMinute - minuteSlots + 1; m <= latestMinute; m++) {
                int i = 2 * (int) Math.floorMod(m, (long) minuteSlots);
                if (minutes[i + 1] != 0 || minutes[i] != 0) {
                    ms.add(new SeriesSnapshot.Bucket(Instant.ofEpochSecond(m * 60), minutes[i], minutes[i + 1]));
                }
            }
            for (long h = latestHour - hourSlots + 1; h <= latestHour; h++) {
                int j = 2 * (int) Math.floorMod(h, (long) hourSlots);
                if (hours[j + 1] != 0 || hours[j] != 0) {
                    hs.add(new SeriesSnapshot.Bucket(Instant.ofEpochSecond(h * 3600), hours[j], hours[j + 1]));
                }
            }
        }
        return new SeriesSnapshot(retention, ms, hs);
    }

    /** Loads buckets into an empty series: hours as they are, then minutes without touching the hours. */
    synchronized void load(SeriesSnapshot s) {
        long newestMinute = Long.MIN_VALUE;
        for (SeriesSnapshot.Bucket b : s.hours()) {
            newestMinute = Math.max(newestMinute, Math.floorDiv(b.start().getEpochSecond(), 60));
        }
        for (SeriesSnapshot.Bucket b : s.minutes()) {
            newestMinute = Math.max(newestMinute, Math.floorDiv(b.start().getEpochSecond(), 60));
        }
        if (newestMinute == Long.MIN_VALUE) {
            return;
        }
        empty = false;
        latestMinute = newestMinute;
        latestHour = Math.floorDiv(newestMinute, 60);
        for (SeriesSnapshot.Bucket b : s.hours()) {
            long h = Math.floorDiv(b.start().getEpochSecond(), 3600);
            if (h > latestHour - hourSlots) {
                int j = 2 * (int) Math.floorMod(h, (long) hourSlots);
                hours[j] = b.good();
                hours[j + 1] = b.total();
            }
        }
        for (SeriesSnapshot.Bucket b : s.minutes()) {
            long m = Math.floorDiv(b.start().getEpochSecond(), 60);
            if (m > latestMinute - minuteSlots) {
                int i = 2 * (int) Math.floorMod(m, (long) minuteSlots);
                minutes[i] = Math.toIntExact(b.good());
                minutes[i + 1] = Math.toIntExact(b.total());
            }
        }
    }
}
