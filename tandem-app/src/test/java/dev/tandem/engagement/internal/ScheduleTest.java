package dev.tandem.engagement.internal;

import dev.tandem.engagement.RosterEntry;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    static RosterEntry sre(int capacity, int slots, LocalDate away) {
        return new RosterEntry("alice", null, capacity, slots, List.of(), away, 1);
    }

    @Test
    void roomTodayMeansFreeToday() {
        Schedule.Free free = Schedule.freeFrom(sre(100, 2, null), List.of(new Booking("alice", 1, "t", null, null, 50)), TODAY);
        assertThat(free.from()).isEqualTo(TODAY);
        assertThat(free.note()).isEqualTo("has room today");
    }

    @Test
    void fullUntilTheEarliestPlannedEnd() {
        List<Booking> two = List.of(new Booking("alice", 1, "t", null, TODAY.plusDays(40), 50),
                new Booking("alice", 2, "u", TODAY.minusDays(3), TODAY.plusDays(10), 50),
                new Booking("bob", 3, "v", null, null, 100));
        assertThat(Schedule.freeFrom(sre(100, 2, null), two, TODAY).from()).isEqualTo(TODAY.plusDays(11));
    }

    @Test
    void unknownWhenOnlyOpenEngagementsStandInTheWay() {
        Schedule.Free free = Schedule.freeFrom(sre(100, 1, null), List.of(new Booking("alice", 1, "t", null, null, 100)), TODAY);
        assertThat(free.from()).isNull();
        assertThat(free.note()).contains("no planned end");
        assertThat(Schedule.freeFrom(sre(0, 1, null), List.of(), TODAY).note()).isEqualTo("no capacity for engagements");
    }

    @Test
    void awayUntilADayMeansFreeTheDayAfter() {
        assertThat(Schedule.freeFrom(sre(100, 1, TODAY.plusDays(4)), List.of(), TODAY).from()).isEqualTo(TODAY.plusDays(5));
    }

    @Test
    void fitsCountsEveryOverlappingBooking() {
        List<Booking> b = List.of(new Booking("alice", 1, "t", TODAY, TODAY.plusDays(9), 60));
        assertThat(Schedule.fits(sre(100, 2, null), b, TODAY.plusDays(5), TODAY.plusDays(20), 40)).isTrue();
        assertThat(Schedule.fits(sre(100, 2, null), b, TODAY.plusDays(5), TODAY.plusDays(20), 50)).isFalse();
        assertThat(Schedule.fits(sre(100, 1, null), b, TODAY.plusDays(5), TODAY.plusDays(20), 10)).isFalse();
        assertThat(Schedule.fits(sre(100, 1, null), b, TODAY.plusDays(10), TODAY.plusDays(20), 100)).isTrue();
    }
}
