package dev.tandem.engagement.internal;

import dev.tandem.catalog.ReadinessLevel;
import dev.tandem.engagement.Assessment;
import dev.tandem.engagement.AssessmentKind;
import dev.tandem.engagement.CriterionState;
import dev.tandem.engagement.ExitCriterion;
import dev.tandem.engagement.ManualRecord;
import dev.tandem.engagement.MaturityArea;
import dev.tandem.readiness.Review;
import dev.tandem.readiness.ReviewState;
import dev.tandem.readiness.ScorecardStanding;
import dev.tandem.slo.BudgetState;
import dev.tandem.slo.SliWindow;
import dev.tandem.slo.SloSummary;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class EvaluatorsTest {

    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    static final List<String> LEVELS = List.of("Bronze", "Silver", "Gold");

    static ScorecardStanding standing(String level, int rank) {
        return new ScorecardStanding("prod", "Production", level, rank, LEVELS, rank < 3 ? LEVELS.get(rank) : null,
                rank < 3 ? List.of("load-test") : List.of());
    }

    @Test
    void scorecardLevelIsMetAtOrAboveTheRequiredLevel() {
        var gold = new ExitCriterion.ScorecardLevel("k", "checkout", "prod", "Gold");
        Outcome silver = Evaluators.scorecard(gold, Optional.of(standing("Silver", 2)));
        assertThat(silver.state()).isEqualTo(CriterionState.NOT_MET);
        assertThat(silver.detail()).startsWith("checkout is at Silver on prod; Gold needed").contains("load-test");
        assertThat(silver.progress()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Evaluators.scorecard(gold, Optional.of(standing("Gold", 3))).state()).isEqualTo(CriterionState.MET);
        var silverNeeded = new ExitCriterion.ScorecardLevel("k", "checkout", "prod", "Silver");
        assertThat(Evaluators.scorecard(silverNeeded, Optional.of(standing("Gold", 3))).state()).isEqualTo(CriterionState.MET);
        Outcome none = Evaluators.scorecard(gold, Optional.of(standing(null, 0)));
        assertThat(none.state()).isEqualTo(CriterionState.NOT_MET);
        assertThat(none.detail()).contains("has not reached any level");
        assertThat(Evaluators.scorecard(gold, Optional.empty()).state()).isEqualTo(CriterionState.NO_DATA);
        var gone = new ExitCriterion.ScorecardLevel("k", "checkout", "prod", "Platinum");
        assertThat(Evaluators.scorecard(gone, Optional.of(standing("Gold", 3))).state()).isEqualTo(CriterionState.NO_DATA);
    }

    static Review approved(ReadinessLevel level) {
        return new Review(1, "checkout", "default", 1, ReviewState.APPROVED, "member", NOW, "sre", NOW, "ok", level,
                "member", NOW, NOW, 3);
    }

    @Test
    void aReviewApprovedAtAStricterLevelSatisfiesALaxerOne() {
        var b = new ExitCriterion.ReviewApproved("k", "checkout", ReadinessLevel.B);
        assertThat(Evaluators.review(b, Optional.of(approved(ReadinessLevel.A))).state()).isEqualTo(CriterionState.MET);
        assertThat(Evaluators.review(b, Optional.of(approved(ReadinessLevel.B))).state()).isEqualTo(CriterionState.MET);
        Outcome c = Evaluators.review(b, Optional.of(approved(ReadinessLevel.C)));
        assertThat(c.state()).isEqualTo(CriterionState.NOT_MET);
        assertThat(c.detail()).contains("approved at level C").contains("B or stricter");
        assertThat(Evaluators.review(b, Optional.empty()).state()).isEqualTo(CriterionState.NOT_MET);
    }

    static SliWindow window(long good, long total, String state) {
        Double sli = total == 0 ? null : (double) good / total;
        return new SliWindow("avail", NOW.minusSeconds(86400 * 7), NOW, good, total, sli, 0.999, state, null);
    }

    @Test
    void sloAttainmentComparesTheWindowsSliWithTheObjective() {
        var c = new ExitCriterion.SloAttainment("k", "avail", 7);
        Outcome ok = Evaluators.sloAttainment(c, window(99_950, 100_000, "OK"));
        assertThat(ok.state()).isEqualTo(CriterionState.MET);
        assertThat(ok.detail()).contains("99.95 %").contains("objective 99.9 %");
        Outcome exact = Evaluators.sloAttainment(c, window(999, 1000, "OK"));
        assertThat(exact.state()).isEqualTo(CriterionState.MET);
        Outcome bad = Evaluators.sloAttainment(c, window(99_800, 100_000, "OK"));
        assertThat(bad.state()).isEqualTo(CriterionState.NOT_MET);
        assertThat(bad.progress()).isBetween(0.0, 1.0);
        assertThat(Evaluators.sloAttainment(c, window(0, 0, "NO_DATA")).state()).isEqualTo(CriterionState.NO_DATA);
        Outcome stale = Evaluators.sloAttainment(c, window(0, 0, "STALE"));
        assertThat(stale.stale()).isTrue();
        SliWindow refused = new SliWindow("avail", NOW.minusSeconds(86400 * 7), NOW, 0, 0, null, 0.999, "QUERY_REJECTED",
                "Prometheus refused the query nosuch(x) (HTTP 400, bad_data): unknown function with name \"nosuch\"");
        Outcome rejected = Evaluators.sloAttainment(c, refused);
        assertThat(rejected.state()).isEqualTo(CriterionState.NO_DATA);
        assertThat(rejected.stale()).as("a broken definition is not an outage").isFalse();
        assertThat(rejected.detail()).contains("avail").contains("unknown function");
    }

    static SloSummary summary(BudgetState state, String dataState, Double remaining) {
        return new SloSummary("avail", null, "checkout", "team", null, 0.999, "TANDEM", remaining, state, dataState,
                "QUERY_REJECTED".equals(dataState) ? "Prometheus refused a query: bad_data: unknown function" : null, 0.999, NOW, 1);
    }

    @Test
    void budgetIsMetUnlessExhaustedAndKeepsItsLastStateWhenStale() {
        var c = new ExitCriterion.BudgetNotExhausted("k", "avail");
        assertThat(Evaluators.budget(c, Optional.of(summary(BudgetState.HEALTHY, "OK", 0.8))).state()).isEqualTo(CriterionState.MET);
        Outcome risk = Evaluators.budget(c, Optional.of(summary(BudgetState.AT_RISK, "OK", 0.1)));
        assertThat(risk.state()).isEqualTo(CriterionState.MET);
        assertThat(risk.detail()).contains("at risk").contains("10 % left");
        assertThat(Evaluators.budget(c, Optional.of(summary(BudgetState.EXHAUSTED, "OK", -0.2))).state())
                .isEqualTo(CriterionState.NOT_MET);
        assertThat(Evaluators.budget(c, Optional.of(summary(BudgetState.HEALTHY, "NO_DATA", 1.0))).state())
                .isEqualTo(CriterionState.NO_DATA);
        assertThat(Evaluators.budget(c, Optional.of(summary(null, null, null))).state()).isEqualTo(CriterionState.NO_DATA);
        assertThat(Evaluators.budget(c, Optional.of(summary(BudgetState.EXHAUSTED, "STALE", 0.0))).stale()).isTrue();
        Outcome rejected = Evaluators.budget(c, Optional.of(summary(BudgetState.EXHAUSTED, "QUERY_REJECTED", 0.0)));
        assertThat(rejected.state()).as("figures that no longer follow the definition do not count").isEqualTo(CriterionState.NO_DATA);
        assertThat(rejected.stale()).isFalse();
        assertThat(rejected.detail()).contains("avail").contains("unknown function");
        assertThat(Evaluators.budget(c, Optional.empty()).state()).isEqualTo(CriterionState.NO_DATA);
        assertThat(Evaluators.budget(c, Optional.of(summary(BudgetState.HEALTHY, "NO_DATA", 1.0))).detail())
                .isEqualTo("no events for avail in its window");
        SloSummary unconfigured = new SloSummary("avail", null, "checkout", "team", null, 0.999, "PROMETHEUS", 1.0,
                BudgetState.HEALTHY, "NO_DATA", "no Prometheus address: set the DataSource's connectionDetails.url", null, NOW, 1);
        Outcome noAddress = Evaluators.budget(c, Optional.of(unconfigured));
        assertThat(noAddress.state()).isEqualTo(CriterionState.NO_DATA);
        assertThat(noAddress.detail()).isEqualTo("no budget figures for avail: no Prometheus address: set the DataSource's connectionDetails.url");
    }

    static Assessment assessment(int... scores) {
        List<Assessment.AreaScore> list = new ArrayList<>();
        MaturityArea[] areas = MaturityArea.values();
        for (int i = 0; i < areas.length; i++) {
            list.add(new Assessment.AreaScore(areas[i].key(), areas[i].label(), scores[i], null));
        }
        return new Assessment(1, 1, AssessmentKind.CHECKPOINT, LocalDate.of(2026, 11, 1), "sre", list, "sre", NOW, "sre", NOW, 0);
    }

    @Test
    void maturityReadsTheAreaOrTheAverageOfTheNewestAssessment() {
        Assessment a = assessment(4, 3, 3, 3, 3, 3, 2); // average 3
        var observability = new ExitCriterion.MaturityScore("k", MaturityArea.OBSERVABILITY, 4);
        assertThat(Evaluators.maturity(observability, Optional.of(a)).state()).isEqualTo(CriterionState.MET);
        var data = new ExitCriterion.MaturityScore("k", MaturityArea.DATA_AND_RECOVERY, 3);
        Outcome low = Evaluators.maturity(data, Optional.of(a));
        assertThat(low.state()).isEqualTo(CriterionState.NOT_MET);
        assertThat(low.detail()).contains("Data storage and recovery is 2").contains("3 needed");
        assertThat(Evaluators.maturity(new ExitCriterion.MaturityScore("k", null, 3), Optional.of(a)).state())
                .isEqualTo(CriterionState.MET);
        assertThat(Evaluators.maturity(new ExitCriterion.MaturityScore("k", null, 3.5), Optional.of(a)).state())
                .isEqualTo(CriterionState.NOT_MET);
        assertThat(Evaluators.maturity(observability, Optional.empty()).state()).isEqualTo(CriterionState.NO_DATA);
    }

    @Test
    void manualFollowsTheNewestRecord() {
        var c = new ExitCriterion.Manual("runbook", "Runbook reviewed with the team");
        assertThat(Evaluators.manual(c, Optional.empty()).state()).isEqualTo(CriterionState.NOT_MET);
        Outcome met = Evaluators.manual(c, Optional.of(new ManualRecord(1, "runbook", true, "Walked through it",
                null, "alice", NOW)));
        assertThat(met.state()).isEqualTo(CriterionState.MET);
        assertThat(met.detail()).contains("alice").contains("Walked through it");
        assertThat(Evaluators.manual(c, Optional.of(new ManualRecord(2, "runbook", false, null, null, "bob", NOW))).state())
                .isEqualTo(CriterionState.NOT_MET);
    }
}
