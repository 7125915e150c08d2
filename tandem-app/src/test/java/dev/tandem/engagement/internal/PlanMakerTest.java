package dev.tandem.engagement.internal;

import dev.tandem.engagement.AssignmentPlan;
import dev.tandem.engagement.AssignmentProposal;
import dev.tandem.engagement.Candidate;
import dev.tandem.engagement.Engagement;
import dev.tandem.engagement.EngagementState;
import dev.tandem.engagement.Relationship;
import dev.tandem.engagement.RosterEntry;
import dev.tandem.engagement.RotationSettings;
import dev.tandem.engagement.SelectionScore;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlanMakerTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    static final RotationSettings SETTINGS = new RotationSettings(180, 90, 1);

    static RosterEntry sre(String name) {
        return new RosterEntry(name, null, 100, 1, List.of(), null, 0);
    }

    static RosterEntry sre(String name, int capacity, int slots, List<String> skills, LocalDate unavailableUntil) {
        return new RosterEntry(name, name.toUpperCase(), capacity, slots, skills, unavailableUntil, 1);
    }

    static Candidate candidate(int rank, long id, String team) {
        return candidate(rank, id, team, null, null);
    }

    static Candidate candidate(int rank, long id, String team, String pain, String hopes) {
        Engagement.Intake intake = new Engagement.Intake(pain, 3, 1, 40, null, hopes, 4, 4, Relationship.NONE, 2);
        Engagement e = new Engagement(id, team, team + " engagement", EngagementState.PROPOSED, intake, List.of(), List.of(),
                null, null, null, null, null, "admin", Instant.EPOCH, Instant.EPOCH, 3);
        return new Candidate(rank, e, new SelectionScore(70 - rank, List.of()));
    }

    static AssignmentPlan plan(List<RosterEntry> roster, List<Booking> bookings, List<PlanMaker.Stay> stays,
                               Candidate... candidates) {
        return new PlanMaker(roster, bookings, stays, SETTINGS, TODAY).plan(List.of(candidates));
    }

    @Test
    void aFreeSreStartsTodayForTheDefaultLength() {
        AssignmentPlan plan = plan(List.of(sre("alice")), List.of(), List.of(), candidate(1, 10, "payments"));
        assertThat(plan.unstaffed()).isEmpty();
        AssignmentProposal p = plan.proposals().get(0);
        assertThat(p.person()).isEqualTo("alice");
        assertThat(p.engagement()).isEqualTo(10);
        assertThat(p.version()).isEqualTo(3);
        assertThat(p.sharePercent()).isEqualTo(100);
        assertThat(p.start()).isEqualTo(TODAY);
        assertThat(p.end()).isEqualTo(TODAY.plusDays(89));
        assertThat(p.reasons()).anyMatch(r -> r.contains("never been embedded with team payments"))
                .anyMatch(r -> r.contains("has room today")).anyMatch(r -> r.startsWith("rank 1"));
    }

    @Test
    void aBusySreStartsTheDayAfterTheirEngagementEndsAndAFreeOneGoesFirst() {
        Booking busy = new Booking("bob", 1, "search", TODAY.minusDays(30), TODAY.plusDays(20), 100);
        AssignmentPlan alone = plan(List.of(sre("bob")), List.of(busy), List.of(), candidate(1, 10, "payments"));
        assertThat(alone.proposals().get(0).start()).isEqualTo(TODAY.plusDays(21));
        assertThat(alone.proposals().get(0).reasons()).anyMatch(r -> r.contains("free from " + TODAY.plusDays(21)));

        AssignmentPlan two = plan(List.of(sre("bob"), sre("zoe")), List.of(busy), List.of(), candidate(1, 10, "payments"));
        assertThat(two.proposals().get(0).person()).isEqualTo("zoe");
        assertThat(two.proposals().get(0).start()).isEqualTo(TODAY);
        assertThat(two.proposals().get(0).reasons()).anyMatch(r -> r.contains("also possible: bob"));
    }

    @Test
    void theShareIsCapacityOverSlotsAndBothMustHaveRoom() {
        RosterEntry carol = sre("carol", 80, 2, List.of(), null);
        Booking half = new Booking("carol", 1, "search", null, TODAY.plusDays(10), 40);
        AssignmentPlan plan = plan(List.of(carol), List.of(half), List.of(), candidate(1, 10, "payments"));
        AssignmentProposal p = plan.proposals().get(0);
        assertThat(p.sharePercent()).isEqualTo(40);
        assertThat(p.start()).isEqualTo(TODAY);

        // the second slot is taken too: only the end of the earliest engagement makes room
        Booking other = new Booking("carol", 2, "ads", TODAY.minusDays(5), TODAY.plusDays(40), 40);
        AssignmentPlan full = plan(List.of(carol), List.of(half, other), List.of(), candidate(1, 10, "payments"));
        assertThat(full.proposals().get(0).start()).isEqualTo(TODAY.plusDays(11));
    }

    @Test
    void theShareAloneCanBeTheLimit() {
        // two slots but 90 % of 100 already committed: 50 % does not fit until that ends
        RosterEntry dan = sre("dan", 100, 2, List.of(), null);
        Booking heavy = new Booking("dan", 1, "search", TODAY.minusDays(5), TODAY.plusDays(15), 90);
        AssignmentPlan plan = plan(List.of(dan), List.of(heavy), List.of(), candidate(1, 10, "payments"));
        assertThat(plan.proposals().get(0).start()).isEqualTo(TODAY.plusDays(16));
    }

    @Test
    void aFutureBookingThatOverlapsTheProposedPeriodCounts() {
        Booking later = new Booking("erin", 1, "search", TODAY.plusDays(30), TODAY.plusDays(60), 100);
        AssignmentPlan plan = plan(List.of(sre("erin")), List.of(later), List.of(), candidate(1, 10, "payments"));
        assertThat(plan.proposals().get(0).start()).isEqualTo(TODAY.plusDays(61));
    }

    @Test
    void proposalsEarlierInThePlanHoldTheirSre() {
        AssignmentPlan plan = plan(List.of(sre("alice")), List.of(), List.of(),
                candidate(1, 10, "payments"), candidate(2, 11, "search"));
        assertThat(plan.proposals()).hasSize(2);
        assertThat(plan.proposals().get(0).start()).isEqualTo(TODAY);
        assertThat(plan.proposals().get(1).person()).isEqualTo("alice");
        assertThat(plan.proposals().get(1).start()).isEqualTo(TODAY.plusDays(90));
        assertThat(plan.proposals().get(1).rank()).isEqualTo(2);
    }

    @Test
    void theMaximumStayWithATeamIsRespected() {
        PlanMaker.Stay long1 = new PlanMaker.Stay("alice", "payments", 100);
        AssignmentPlan plan = plan(List.of(sre("alice")), List.of(), List.of(long1), candidate(1, 10, "payments"));
        assertThat(plan.proposals()).isEmpty();
        assertThat(plan.unstaffed()).singleElement().satisfies(u -> {
            assertThat(u.engagement()).isEqualTo(10);
            assertThat(u.reasons()).singleElement().asString().contains("alice", "100 days with team payments",
                    "maximum stay of 180 days");
        });
        // exactly at the limit is still allowed
        PlanMaker.Stay ninety = new PlanMaker.Stay("alice", "payments", 90);
        assertThat(plan(List.of(sre("alice")), List.of(), List.of(ninety), candidate(1, 10, "payments")).proposals())
                .singleElement().satisfies(p -> assertThat(p.reasons()).anyMatch(r -> r.contains("has spent 90 days")));
        // another team is fine
        assertThat(plan(List.of(sre("alice")), List.of(), List.of(long1), candidate(1, 11, "search")).proposals()).hasSize(1);
    }

    @Test
    void proposalsInThePlanCountTowardsTheStay() {
        PlanMaker.Stay before = new PlanMaker.Stay("alice", "payments", 10);
        AssignmentPlan plan = plan(List.of(sre("alice")), List.of(), List.of(before),
                candidate(1, 10, "payments"), candidate(2, 11, "payments"));
        assertThat(plan.proposals()).hasSize(1);
        assertThat(plan.unstaffed()).singleElement().satisfies(u -> assertThat(u.reasons().toString())
                .contains("100 days with team payments"));
    }

    @Test
    void sresNewToTheTeamGoFirstSoThePracticeSpreads() {
        PlanMaker.Stay been = new PlanMaker.Stay("alice", "payments", 30);
        Booking busy = new Booking("zoe", 1, "search", TODAY.minusDays(30), TODAY.plusDays(9), 100);
        AssignmentPlan plan = plan(List.of(sre("alice"), sre("zoe")), List.of(busy), List.of(been), candidate(1, 10, "payments"));
        AssignmentProposal p = plan.proposals().get(0);
        assertThat(p.person()).as("never embedded there, although free later").isEqualTo("zoe");
        assertThat(p.start()).isEqualTo(TODAY.plusDays(10));
        assertThat(p.reasons()).anyMatch(r -> r.contains("zoe has never been embedded with team payments"))
                .anyMatch(r -> r.contains("alice (30 days with the team already"));
    }

    @Test
    void matchingSkillsBreakTies() {
        RosterEntry alice = sre("alice", 100, 1, List.of("postgres"), null);
        RosterEntry bob = sre("bob", 100, 1, List.of("kafka", "java"), null);
        AssignmentPlan plan = plan(List.of(alice, bob), List.of(), List.of(),
                candidate(1, 10, "payments", "Kafka consumers lag, pages every night", "learn Java profiling"));
        AssignmentProposal p = plan.proposals().get(0);
        assertThat(p.person()).isEqualTo("bob");
        assertThat(p.reasons()).contains("skills named in the intake: kafka, java");
        // without a match the name decides
        assertThat(plan(List.of(alice, bob), List.of(), List.of(), candidate(1, 10, "payments", "slow pages", null))
                .proposals().get(0).person()).isEqualTo("alice");
    }

    @Test
    void skillsDoNotBeatAnEarlierStart() {
        RosterEntry alice = sre("alice", 100, 1, List.of(), null);
        RosterEntry bob = sre("bob", 100, 1, List.of("kafka"), TODAY.plusDays(3));
        AssignmentPlan plan = plan(List.of(alice, bob), List.of(), List.of(), candidate(1, 10, "payments", "kafka", null));
        assertThat(plan.proposals().get(0).person()).isEqualTo("alice");
    }

    @Test
    void unavailableUntilIsTheLastDayAway() {
        RosterEntry away = sre("alice", 100, 1, List.of(), TODAY.plusDays(6));
        AssignmentPlan plan = plan(List.of(away), List.of(), List.of(), candidate(1, 10, "payments"));
        assertThat(plan.proposals().get(0).start()).isEqualTo(TODAY.plusDays(7));
        // a date in the past changes nothing
        RosterEntry back = sre("alice", 100, 1, List.of(), TODAY.minusDays(1));
        assertThat(plan(List.of(back), List.of(), List.of(), candidate(1, 10, "payments")).proposals().get(0).start())
                .isEqualTo(TODAY);
    }

    @Test
    void neverBeforeToday() {
        Booking past = new Booking("alice", 1, "search", TODAY.minusDays(100), TODAY.minusDays(10), 100);
        AssignmentPlan plan = plan(List.of(sre("alice")), List.of(past), List.of(), candidate(1, 10, "payments"));
        assertThat(plan.proposals().get(0).start()).isEqualTo(TODAY);
    }

    @Test
    void oneSrePerTeamAtATime() {
        Booking teamHasOne = new Booking("bob", 1, "payments", TODAY.minusDays(10), TODAY.plusDays(30), 100);
        AssignmentPlan plan = plan(List.of(sre("alice"), sre("bob")), List.of(teamHasOne), List.of(), candidate(1, 10, "payments"));
        AssignmentProposal p = plan.proposals().get(0);
        assertThat(p.person()).isEqualTo("alice");
        assertThat(p.start()).isEqualTo(TODAY.plusDays(31));
        assertThat(p.reasons()).anyMatch(r -> r.contains("engagement #1 ends on " + TODAY.plusDays(30)));

        Booking open = new Booking("bob", 1, "payments", TODAY.minusDays(10), null, 100);
        AssignmentPlan blocked = plan(List.of(sre("alice"), sre("bob")), List.of(open), List.of(), candidate(1, 10, "payments"));
        assertThat(blocked.proposals()).isEmpty();
        assertThat(blocked.unstaffed().get(0).reasons().get(0)).contains("no planned end", "one SRE per team");
    }

    @Test
    void nothingFitsSaysWhy() {
        assertThat(plan(List.of(), List.of(), List.of(), candidate(1, 10, "payments")).unstaffed().get(0).reasons())
                .singleElement().asString().contains("nobody is on the roster");

        RosterEntry none = sre("alice", 0, 1, List.of(), null);
        Booking forever = new Booking("bob", 1, "search", TODAY.minusDays(10), null, 100);
        AssignmentPlan plan = plan(List.of(none, sre("bob")), List.of(forever), List.of(), candidate(1, 10, "payments"),
                candidate(2, 11, "ads"));
        assertThat(plan.proposals()).isEmpty();
        assertThat(plan.unstaffed()).hasSize(2);
        assertThat(plan.unstaffed().get(0).reasons()).containsExactly("alice: no capacity for engagements",
                "bob: never has room for 100 % (engagements without a planned end fill their capacity or slots)");
        assertThat(plan.unstaffed().get(1).rank()).isEqualTo(2);
    }

    @Test
    void theQueueOrderIsKept() {
        List<Candidate> queue = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            queue.add(candidate(i, 100 + i, "team-" + i));
        }
        AssignmentPlan plan = new PlanMaker(List.of(sre("a"), sre("b")), List.of(), List.of(), SETTINGS, TODAY).plan(queue);
        assertThat(plan.proposals()).extracting(AssignmentProposal::rank).containsExactly(1, 2, 3, 4);
        assertThat(plan.proposals()).extracting(AssignmentProposal::person).containsExactly("a", "b", "a", "b");
        assertThat(plan.proposals()).extracting(AssignmentProposal::start)
                .containsExactly(TODAY, TODAY, TODAY.plusDays(90), TODAY.plusDays(90));
    }
}
