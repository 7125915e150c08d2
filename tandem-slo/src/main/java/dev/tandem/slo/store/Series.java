package dev.tandem.slo.store;

import dev.tandem.slo.EventCounts;
import dev.tandem.slo.SliSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One SLO's counts in two rings: minute buckets for the recent past, and running totals at every hour
 * for the whole retention. Every write lands in both (the hours from the minute's own onwards take its
 * change), so the hours are always complete and minute buckets can simply fall off the ring. Any span of
 * whole hours is the difference of two running totals: summing 30 days costs two reads. Counts per
 * minute are ints (8 bytes a minute), running totals longs (16 bytes an hour): a default series is
 * about 50 KB.
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
        // One more than the retention, plus the running total just before the oldest hour kept.
        this.hourSlots = Math.toIntExact(retention.hours().toHours()) + 2;
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
        if (dGood != 0 || dTotal != 0) {
            // Usually h is the newest hour; a late minute updates the few running totals after it.
            int j = 2 * (int) Math.floorMod(h, (long) hourSlots);
            for (long k = h; k <= latestHour; k++) {
                hours[j] += dGood;
                hours[j + 1] += dTotal;
                j += 2;
                if (j == hours.length) {
                    j = 0;
                }
            }
        }
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

    /** New hours start with the running total of the newest one: nothing happened in between. */
    private void advanceHours(long h) {
        int last = 2 * (int) Math.floorMod(latestHour, (long) hourSlots);
        long good = hours[last];
        long total = hours[last + 1];
        long from = h - latestHour >= hourSlots ? h - hourSlots + 1 : latestHour + 1;
        for (long k = from; k <= h; k++) {
            int j = 2 * (int) Math.floorMod(k, (long) hourSlots);
            hours[j] = good;
            hours[j + 1] = total;
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

    /** Hours [from, to): the running total at the last minus the one before the first. */
    private void hourRange(long from, long to, long[] acc) {
        long lo = Math.max(from, oldestHour());
        long hi = Math.min(to, latestHour + 1);
        if (lo >= hi) {
            return;
        }
        int end = 2 * (int) Math.floorMod(hi - 1, (long) hourSlots);
        int before = 2 * (int) Math.floorMod(lo - 1, (long) hourSlots);
        acc[0] += hours[end] - hours[before];
        acc[1] += hours[end + 1] - hours[before + 1];
    }

    /** The oldest hour whose count is known (its predecessor's running total is still kept). */
    private long oldestHour() {
        return latestHour - hourSlots + 2;
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
            for (long h = oldestHour(); h <= latestHour; h++) {
                int j = 2 * (int) Math.floorMod(h, (long) hourSlots);
                int i = 2 * (int) Math.floorMod(h - 1, (long) hourSlots);
                long good = hours[j] - hours[i];
                long total = hours[j + 1] - hours[i + 1];
                if (total != 0 || good != 0) {
                    hs.add(new SeriesSnapshot.Bucket(Instant.ofEpochSecond(h * 3600), good, total));
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
        // Hour buckets become running totals, oldest first; the slot before the oldest stays at zero.
        java.util.TreeMap<Long, SeriesSnapshot.Bucket> byHour = new java.util.TreeMap<>();
        for (SeriesSnapshot.Bucket b : s.hours()) {
            long h = Math.floorDiv(b.start().getEpochSecond(), 3600);
            if (h >= oldestHour()) {
                byHour.put(h, b);
            }
        }
        long good = 0;
        long total = 0;
        for (long h = oldestHour(); h <= latestHour; h++) {
            SeriesSnapshot.Bucket b = byHour.get(h);
            if (b != null) {
                good += b.good();
                total += b.total();
            }
            int j = 2 * (int) Math.floorMod(h, (long) hourSlots);
            hours[j] = good;
            hours[j + 1] = total;
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
