package dev.tandem.engagement;

import dev.tandem.engagement.internal.PlanMaker;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading engagements into loads, stays and the timeline, without storage. */
class RotationTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    static Engagement engagement(long id, String team, EngagementState state, List<Engagement.EmbeddedSre> sres,
                                 LocalDate plannedStart, LocalDate plannedEnd, LocalDate started, LocalDate ended) {
        return new Engagement(id, team, team + " engagement", state, null, List.of(), sres, null, plannedStart, plannedEnd,
                started == null ? null : started.atStartOfDay().toInstant(ZoneOffset.UTC),
                ended == null ? null : ended.atStartOfDay().toInstant(ZoneOffset.UTC), "admin", Instant.EPOCH, Instant.EPOCH, 1);
    }

    static Engagement.EmbeddedSre sre(String person, int share) {
        return new Engagement.EmbeddedSre(person, null, share);
    }

    static RosterEntry entry(String person, int capacity, int slots) {
        return new RosterEntry(person, null, capacity, slots, List.of(), null, 1);
    }

    @Test
    void utilisationIsCommittedSharesOverCapacityAndTheProgramAddsUp() {
        List<Engagement> committed = List.of(
                engagement(1, "payments", EngagementState.LEARNING, List.of(sre("alice", 50)), TODAY.minusDays(10),
                        TODAY.plusDays(30), TODAY.minusDays(8), null),
                engagement(2, "search", EngagementState.ACCEPTED, List.of(sre("alice", 50), sre("bob", 100)), TODAY.plusDays(5),
                        null, null, null));
        Utilisation u = Rotation.utilisation(List.of(entry("alice", 100, 2), entry("bob", 50, 1), entry("carol", 100, 1)),
                committed, TODAY);
        Utilisation.Sre alice = u.sres().get(0);
        assertThat(alice.committedPercent()).isEqualTo(100);
        assertThat(alice.utilisation()).isEqualTo(1.0);
        assertThat(alice.assignments()).extracting(Utilisation.Assignment::engagement).containsExactly(1L, 2L);
        assertThat(alice.assignments().get(0).from()).as("the actual start").isEqualTo(TODAY.minusDays(8));
        assertThat(alice.embeddedUntil()).isEqualTo(TODAY.plusDays(30));
        assertThat(alice.freeFrom()).as("room today: engagement 2 has not started").isEqualTo(TODAY);

        Utilisation.Sre bob = u.sres().get(1);
        assertThat(bob.utilisation()).isEqualTo(2.0);
        assertThat(bob.freeFrom()).isEqualTo(TODAY);
        Utilisation.Sre carol = u.sres().get(2);
        assertThat(carol.utilisation()).isZero();
        assertThat(carol.assignments()).isEmpty();

        assertThat(u.capacityPercent()).isEqualTo(250);
        assertThat(u.committedPercent()).isEqualTo(200);
        assertThat(u.utilisation()).isEqualTo(0.8);
        assertThat(u.utilisationPercent()).isEqualTo(80);
        assertThat(u.freeNow()).isEqualTo(3);
    }

    @Test
    void aFullSreIsFreeTheDayAfterTheirEngagementEnds() {
        List<Engagement> committed = List.of(engagement(1, "payments", EngagementState.DRIVING_CHANGE, List.of(sre("alice", 100)),
                TODAY.minusDays(50), TODAY.plusDays(40), TODAY.minusDays(50), null));
        Utilisation u = Rotation.utilisation(List.of(entry("alice", 100, 1)), committed, TODAY);
        assertThat(u.sres().get(0).freeFrom()).isEqualTo(TODAY.plusDays(41));
        assertThat(u.freeNow()).isZero();
    }

    @Test
    void staysCountActualDaysElsePlannedAndUntilTodayWhenOpen() {
        List<Engagement> all = List.of(
                engagement(1, "payments", EngagementState.COMPLETED, List.of(sre("alice", 100)), LocalDate.of(2026, 1, 1),
                        LocalDate.of(2026, 3, 31), LocalDate.of(2026, 1, 10), LocalDate.of(2026, 2, 8)),
                engagement(2, "payments", EngagementState.ACCEPTED, List.of(sre("alice", 100)), TODAY.plusDays(1),
                        TODAY.plusDays(10), null, null),
                engagement(3, "search", EngagementState.LEARNING, List.of(sre("bob", 100)), null, null, TODAY.minusDays(4), null),
                engagement(4, "ads", EngagementState.ACCEPTED, List.of(sre("bob", 100)), null, null, null, null));
        List<PlanMaker.Stay> stays = Rotation.stays(all, TODAY);
        assertThat(stays).containsExactly(new PlanMaker.Stay("alice", "payments", 30), new PlanMaker.Stay("alice", "payments", 10),
                new PlanMaker.Stay("bob", "search", 5));
    }

    @Test
    void theTimelineKeepsTheWindowAndDropsUndatedOrFarEngagements() {
        List<Engagement> shown = List.of(
                engagement(1, "payments", EngagementState.LEARNING, List.of(sre("alice", 100)), TODAY, TODAY.plusDays(89), TODAY, null),
                engagement(2, "old", EngagementState.COMPLETED, List.of(sre("alice", 100)), LocalDate.of(2025, 1, 1),
                        LocalDate.of(2025, 3, 1), null, null),
                engagement(3, "undated", EngagementState.ACCEPTED, List.of(sre("alice", 100)), null, null, null, null));
        Timeline t = Rotation.timeline(List.of(entry("alice", 100, 1), entry("bob", 100, 1)), shown, TODAY);
        assertThat(t.from()).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(t.to()).isEqualTo(LocalDate.of(2027, 8, 31));
        assertThat(t.rows()).extracting(Timeline.Row::person).containsExactly("alice", "bob");
        assertThat(t.rows().get(0).bars()).extracting(Timeline.Bar::engagement).containsExactly(1L);
        assertThat(t.rows().get(1).bars()).isEmpty();
        assertThat(t.empty()).isFalse();
    }
}
