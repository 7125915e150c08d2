package dev.tandem.slo.store;

import dev.tandem.slo.EventCounts;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventStoreTest {

    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    final EventStore store = new EventStore(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5));

    @Test
    void aRepushedMinuteReplacesNeverAdds() {
        Instant t = NOW.minusSeconds(600);
        store.push("a", List.of(EventPoint.good(t, 90, 100)));
        store.push("a", List.of(EventPoint.good(t.plusSeconds(30), 95, 100)));   // same minute
        assertThat(store.counts("a", NOW.minusSeconds(3600), NOW)).isEqualTo(new EventCounts(95, 100));
        // …and the hour bucket agrees once the minute has aged out of the minute ring.
        assertThat(store.counts("a", Instant.parse("2026-03-10T11:00:00Z"), Instant.parse("2026-03-10T12:00:00Z")))
                .isEqualTo(new EventCounts(95, 100));
    }

    @Test
    void badCountsAreStoredAsGood() {
        store.push("a", List.of(EventPoint.bad(NOW.minusSeconds(60), 3, 10)));
        assertThat(store.counts("a", NOW.minusSeconds(3600), NOW)).isEqualTo(new EventCounts(7, 10));
    }

    @Test
    void anInvalidPointRefusesTheWholeBatch() {
        store.push("a", List.of(EventPoint.good(NOW.minusSeconds(120), 1, 1)));
        List<EventPoint> batch = List.of(
                EventPoint.good(NOW.minusSeconds(60), 5, 5),
                EventPoint.good(NOW.minusSeconds(60), 6, 5),
                EventPoint.bad(NOW.minusSeconds(60), 7, 5),
                EventPoint.good(NOW.minusSeconds(60), 0, -1),
                EventPoint.good(NOW.plus(Duration.ofMinutes(6)), 1, 1),
                new EventPoint(null, 1, 1),
                EventPoint.good(NOW.minusSeconds(60), 1, 3_000_000_000L));
        assertThatThrownBy(() -> store.push("a", batch))
                .isInstanceOfSatisfying(InvalidEventsException.class, e -> {
                    assertThat(e.problems()).extracting(InvalidEventsException.Problem::index).containsExactly(1, 2, 3, 4, 5, 6);
                    assertThat(e.problems().get(0).message()).contains("good <= total");
                    assertThat(e.problems().get(2).message()).contains("negative");
                    assertThat(e.problems().get(3).message()).contains("in the future");
                    assertThat(e.problems().get(4).message()).contains("timestamp");
                    assertThat(e.problems().get(5).message()).contains("a minute");
                    assertThat(e.getMessage()).contains("nothing stored");
                });
        assertThat(store.counts("a", NOW.minusSeconds(3600), NOW)).isEqualTo(new EventCounts(1, 1));
    }

    @Test
    void problemsNamesWhatPushWouldRefuseAndStoresNothing() {
        store.push("a", List.of(EventPoint.good(NOW.minusSeconds(120), 1, 1)));
        List<EventPoint> batch = List.of(
                EventPoint.good(NOW.minusSeconds(60), 5, 5),
                EventPoint.good(NOW.minus(Duration.ofDays(4)), 1, 1),
                EventPoint.good(NOW.plus(Duration.ofMinutes(6)), 1, 1));
        List<InvalidEventsException.Problem> problems = store.problems("a", batch);
        assertThat(problems).extracting(InvalidEventsException.Problem::index).containsExactly(1, 2);
        assertThat(problems.get(0).message()).contains("older than the minute horizon");
        assertThat(problems.get(1).message()).contains("in the future");
        assertThatThrownBy(() -> store.push("a", batch)).isInstanceOfSatisfying(InvalidEventsException.class,
                e -> assertThat(e.problems()).isEqualTo(problems));
        assertThat(store.counts("a", NOW.minusSeconds(3600), NOW)).isEqualTo(new EventCounts(1, 1));

        assertThat(store.problems("a", batch.subList(0, 1))).isEmpty();
        assertThat(store.counts("a", NOW.minusSeconds(3600), NOW)).as("a check writes nothing").isEqualTo(new EventCounts(1, 1));
    }

    @Test
    void aSmallClockSkewIsAccepted() {
        store.push("a", List.of(EventPoint.good(NOW.plus(Duration.ofMinutes(4)), 1, 1)));
        assertThat(store.counts("a", NOW, NOW.plus(Duration.ofMinutes(5)))).isEqualTo(new EventCounts(1, 1));
    }

    @Test
    void historyOlderThanTheMinuteHorizonIsRefusedOnceNewerDataExists() {
        store.push("a", List.of(EventPoint.good(NOW.minusSeconds(60), 1, 1)));
        assertThatThrownBy(() -> store.push("a", List.of(EventPoint.good(NOW.minus(Duration.ofDays(4)), 1, 1))))
                .isInstanceOf(InvalidEventsException.class)
                .hasMessageContaining("older than the minute horizon");
    }

    @Test
    void aBatchOfHistoryIsSortedSoAnyOrderWorks() {
        List<EventPoint> history = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            history.add(EventPoint.good(NOW.minus(Duration.ofDays(d)).minusSeconds(60), 9, 10));
        }
        store.push("a", history);   // newest first
        assertThat(store.counts("a", NOW.minus(Duration.ofDays(30)), NOW)).isEqualTo(new EventCounts(90, 100));
    }

    @Test
    void oldSpansAreAnsweredFromHoursRoundedToTheNearestHour() {
        Instant base = Instant.parse("2026-03-01T00:00:00Z");
        List<EventPoint> points = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            points.add(EventPoint.good(base.plus(Duration.ofHours(h)).plusSeconds(600), 1, 1));   // hh:10
        }
        points.add(EventPoint.good(NOW.minusSeconds(60), 1, 1));
        store.push("a", points);
        // Whole hours are exact.
        assertThat(store.counts("a", base.plus(Duration.ofHours(2)), base.plus(Duration.ofHours(5))).total()).isEqualTo(3);
        // 02:40–05:20: the edges are 20 minutes each, less than half an hour, so they are dropped.
        assertThat(store.counts("a", base.plus(Duration.ofMinutes(160)), base.plus(Duration.ofMinutes(320))).total()).isEqualTo(2);
        // 02:20–05:40: 40-minute edges count as whole hours (even though 02:10 lies outside).
        assertThat(store.counts("a", base.plus(Duration.ofMinutes(140)), base.plus(Duration.ofMinutes(340))).total()).isEqualTo(4);
    }

    @Test
    void exportAndRestoreKeepEveryAnswer() {
        List<EventPoint> points = new ArrayList<>();
        for (int m = 0; m < 5 * 24 * 60; m += 7) {
            points.add(EventPoint.good(NOW.minus(Duration.ofMinutes(m + 1)), m % 5, 5));
        }
        store.push("a", points);
        SeriesSnapshot snapshot = store.export("a").orElseThrow();
        EventStore other = new EventStore();
        other.restore("a", snapshot);
        for (Duration w : List.of(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(1),
                Duration.ofDays(3), Duration.ofDays(30))) {
            assertThat(other.counts("a", NOW.minus(w), NOW)).as(w.toString()).isEqualTo(store.counts("a", NOW.minus(w), NOW));
        }
        assertThat(other.export("a").orElseThrow()).isEqualTo(snapshot);
        assertThat(snapshot.hours()).hasSize(5 * 24);
        assertThat(snapshot.minutes().size()).isLessThan(points.size());
    }

    @Test
    void reconfiguringKeepsTheData() {
        store.push("a", List.of(EventPoint.good(NOW.minus(Duration.ofDays(20)), 1, 2), EventPoint.good(NOW.minusSeconds(60), 3, 4)));
        store.configure("a", new Retention(Duration.ofDays(31), Duration.ofDays(40)));
        assertThat(store.counts("a", NOW.minus(Duration.ofDays(30)), NOW)).isEqualTo(new EventCounts(4, 6));
        assertThat(store.export("a").orElseThrow().retention().minutes()).isEqualTo(Duration.ofDays(31));
    }

    @Test
    void unknownSlosReadAsNoData() {
        assertThat(store.source("nothing").counts(NOW.minusSeconds(60), NOW)).isEqualTo(EventCounts.NONE);
        assertThat(store.export("nothing")).isEmpty();
    }

    @Test
    void dataBeyondTheRetentionIsForgotten() {
        store.push("a", List.of(EventPoint.good(NOW.minus(Duration.ofDays(34)), 1, 1)));
        store.push("a", List.of(EventPoint.good(NOW.minusSeconds(60), 1, 1)));
        assertThat(store.counts("a", NOW.minus(Duration.ofDays(35)), NOW).total()).isEqualTo(2);
        Clock later = Clock.fixed(NOW.plus(Duration.ofDays(2)), ZoneOffset.UTC);
        EventStore s2 = new EventStore(later, Duration.ofMinutes(5));
        s2.restore("a", store.export("a").orElseThrow());
        s2.push("a", List.of(EventPoint.good(NOW.plus(Duration.ofDays(2)).minusSeconds(60), 1, 1)));
        assertThat(s2.counts("a", NOW.minus(Duration.ofDays(40)), NOW.plus(Duration.ofDays(2))).total()).isEqualTo(2);
    }
}
