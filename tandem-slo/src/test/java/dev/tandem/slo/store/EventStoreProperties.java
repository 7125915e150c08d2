package dev.tandem.slo.store;

import dev.tandem.slo.EventCounts;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class EventStoreProperties {

    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    static EventStore store() {
        return new EventStore(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5));
    }

    /** Points at the given minute offsets before now (duplicates allowed: the later one wins). */
    static List<EventPoint> points(List<Integer> offsets, List<Integer> goods, List<Integer> bads) {
        List<EventPoint> list = new ArrayList<>();
        for (int i = 0; i < offsets.size(); i++) {
            int good = goods.get(i % goods.size());
            int bad = bads.get(i % bads.size());
            list.add(EventPoint.good(NOW.minus(Duration.ofMinutes(offsets.get(i))), good, good + bad));
        }
        return list;
    }

    /** The same points, summed naively: the last point of a minute wins. */
    static TreeMap<Long, long[]> naive(List<EventPoint> points) {
        TreeMap<Long, long[]> byMinute = new TreeMap<>();
        for (EventPoint p : points) {
            byMinute.put(Math.floorDiv(p.timestamp().getEpochSecond(), 60), new long[] {p.good(), p.total()});
        }
        return byMinute;
    }

    static EventCounts naiveSum(TreeMap<Long, long[]> data, long fromMinute, long toMinute) {
        long g = 0;
        long t = 0;
        for (long[] v : data.subMap(fromMinute, toMinute).values()) {
            g += v[0];
            t += v[1];
        }
        return new EventCounts(g, t);
    }

    @Property(tries = 300)
    void windowSumsWithinTheMinuteHorizonEqualANaiveSum(
            @ForAll @Size(max = 60) List<@IntRange(min = 1, max = 4400) Integer> offsets,
            @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 0, max = 1000) Integer> goods,
            @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 0, max = 50) Integer> bads,
            @ForAll @IntRange(min = 0, max = 4400) int fromBack, @ForAll @IntRange(min = 0, max = 4400) int toBack) {
        List<EventPoint> pts = points(offsets, goods, bads);
        EventStore store = store();
        store.push("s", pts);
        long nowMinute = NOW.getEpochSecond() / 60;
        long from = nowMinute - Math.max(fromBack, toBack);
        long to = nowMinute - Math.min(fromBack, toBack);
        EventCounts got = store.counts("s", Instant.ofEpochSecond(from * 60), Instant.ofEpochSecond(to * 60));
        assertThat(got).isEqualTo(naiveSum(naive(pts), from, to));
    }

    @Property(tries = 200)
    void hourAlignedSumsOverTheWholeRetentionEqualANaiveSum(
            @ForAll @Size(max = 80) List<@IntRange(min = 1, max = 34 * 24 * 60) Integer> offsets,
            @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 0, max = 1000) Integer> goods,
            @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 0, max = 50) Integer> bads,
            @ForAll @IntRange(min = 0, max = 34 * 24) int fromHours, @ForAll @IntRange(min = 0, max = 34 * 24) int toHours) {
        List<EventPoint> pts = points(offsets, goods, bads);
        EventStore store = store();
        store.push("s", pts);   // one batch: sorted, so old points are written before newer ones
        long nowHour = NOW.getEpochSecond() / 3600;
        long from = (nowHour - Math.max(fromHours, toHours)) * 60;
        long to = (nowHour - Math.min(fromHours, toHours)) * 60;
        assertThat(store.counts("s", Instant.ofEpochSecond(from * 60), Instant.ofEpochSecond(to * 60)))
                .isEqualTo(naiveSum(naive(pts), from, to));
    }

    @Property(tries = 200)
    void pushingTheSameBatchAgainChangesNothing(
            @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 1, max = 4000) Integer> offsets,
            @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 0, max = 1000) Integer> goods,
            @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 0, max = 50) Integer> bads,
            @ForAll @IntRange(min = 1, max = 3) int times) {
        List<EventPoint> pts = points(offsets, goods, bads);
        EventStore once = store();
        once.push("s", pts);
        EventStore repeated = store();
        for (int i = 0; i < times; i++) {
            repeated.push("s", pts);
        }
        assertThat(repeated.export("s")).isEqualTo(once.export("s"));
        Instant from = NOW.minus(Duration.ofDays(30));
        assertThat(repeated.counts("s", from, NOW)).isEqualTo(once.counts("s", from, NOW));
    }
}
