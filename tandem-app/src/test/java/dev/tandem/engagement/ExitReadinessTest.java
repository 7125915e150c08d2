package dev.tandem.engagement;

import dev.tandem.engagement.internal.CriterionRows;
import dev.tandem.engagement.internal.Outcome;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The readiness, hold-period and decision rules with a clock of our own. */
class ExitReadinessTest {

    static final Instant T0 = Instant.parse("2026-11-01T12:00:00Z");

    static CriterionStatus status(String key, CriterionState state, Instant since) {
        return new CriterionStatus(key, "manual", key, state, "detail", null, false, since, since, List.of());
    }

    static ExitReadiness at(Instant now, List<CriterionStatus> criteria, LocalDate plannedEnd, boolean running) {
        return ExitReadiness.of(7, criteria, 14, plannedEnd, running, 0.5, now, ZoneOffset.UTC);
    }

    @Test
    void noCriteriaIsItsOwnStage() {
        ExitReadiness r = at(T0, List.of(), null, true);
        assertThat(r.stage()).isEqualTo(ExitReadiness.Stage.NO_CRITERIA);
        assertThat(r.progress()).isZero();
    }

    @Test
    void readyFromWhenTheLastCriterionTurnedAndPlanTheExitAfterTheHoldPeriod() {
        Instant last = T0.plus(Duration.ofDays(3));
        List<CriterionStatus> all = List.of(status("a", CriterionState.MET, T0), status("b", CriterionState.MET, last));
        ExitReadiness ready = at(last.plus(Duration.ofDays(13)), all, null, true);
        assertThat(ready.stage()).isEqualTo(ExitReadiness.Stage.READY);
        assertThat(ready.readySince()).isEqualTo(last);
        assertThat(ready.planExitFrom()).isEqualTo(last.plus(Duration.ofDays(14)));
        assertThat(ready.summary()).startsWith("Ready since 2026-11-04");
        ExitReadiness plan = at(last.plus(Duration.ofDays(14)), all, null, true);
        assertThat(plan.stage()).isEqualTo(ExitReadiness.Stage.PLAN_EXIT);
        assertThat(plan.summary()).startsWith("Time to plan the exit");
    }

    @Test
    void oneCriterionNotMetOrWithoutDataMeansNotReady() {
        ExitReadiness r = at(T0, List.of(status("a", CriterionState.MET, T0), status("b", CriterionState.NO_DATA, T0)), null, true);
        assertThat(r.stage()).isEqualTo(ExitReadiness.Stage.NOT_READY);
        assertThat(r.met()).isEqualTo(1);
        assertThat(r.total()).isEqualTo(2);
        assertThat(r.readySince()).isNull();
    }

    @Test
    void flaggedForADecisionWhenThePlannedEndHasPassedWithLittleProgress() {
        LocalDate end = LocalDate.of(2026, 11, 10);
        List<CriterionStatus> oneOfThree = List.of(status("a", CriterionState.MET, T0), status("b", CriterionState.NOT_MET, T0),
                status("c", CriterionState.NOT_MET, T0));
        assertThat(at(Instant.parse("2026-11-10T23:00:00Z"), oneOfThree, end, true).needsDecision()).isFalse();
        ExitReadiness late = at(Instant.parse("2026-11-11T00:30:00Z"), oneOfThree, end, true);
        assertThat(late.needsDecision()).isTrue();
        assertThat(late.decisionReason()).contains("2026-11-10").contains("1 of 3");
        assertThat(at(Instant.parse("2026-11-11T00:30:00Z"), oneOfThree, end, false).needsDecision()).isFalse();
        List<CriterionStatus> half = List.of(status("a", CriterionState.MET, T0), status("b", CriterionState.NOT_MET, T0));
        assertThat(at(Instant.parse("2026-11-20T00:00:00Z"), half, end, true).needsDecision()).isFalse();
        assertThat(ExitReadiness.of(7, half, 14, end, true, 0.75, Instant.parse("2026-11-20T00:00:00Z"), ZoneOffset.UTC)
                .needsDecision()).isTrue();
    }

    @Test
    void sinceMovesOnlyWhenTheStateChangesAndAStaleSignalKeepsTheLastState() {
        CriterionRows.Stored before = new CriterionRows.Stored("a", CriterionState.MET, "ok", 1.0, false, T0, T0);
        Instant later = T0.plus(Duration.ofHours(5));
        var same = ExitCriteria.next("a", before, new Outcome(CriterionState.MET, "still ok", 1.0, false), later);
        assertThat(same.since()).isEqualTo(T0);
        assertThat(same.evaluatedAt()).isEqualTo(later);
        var turned = ExitCriteria.next("a", before, new Outcome(CriterionState.NOT_MET, "bad", 0.0, false), later);
        assertThat(turned.since()).isEqualTo(later);
        assertThat(turned.state()).isEqualTo(CriterionState.NOT_MET);
        var stale = ExitCriteria.next("a", before, new Outcome(CriterionState.NO_DATA, "source down", null, true), later);
        assertThat(stale.state()).isEqualTo(CriterionState.MET);
        assertThat(stale.stale()).isTrue();
        assertThat(stale.since()).isEqualTo(T0);
        assertThat(stale.detail()).contains("source down");
        var first = ExitCriteria.next("a", null, new Outcome(CriterionState.NO_DATA, "nothing", null, true), later);
        assertThat(first.state()).isEqualTo(CriterionState.NO_DATA);
        assertThat(first.since()).isEqualTo(later);
    }
}
