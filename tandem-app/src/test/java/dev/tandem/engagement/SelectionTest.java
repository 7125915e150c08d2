package dev.tandem.engagement;

import dev.tandem.catalog.ReadinessLevel;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SelectionTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    private static Map<SelectionCriterion, Integer> defaults() {
        Map<SelectionCriterion, Integer> w = new EnumMap<>(SelectionCriterion.class);
        for (SelectionCriterion c : SelectionCriterion.values()) {
            w.put(c, c.defaultWeight());
        }
        return w;
    }

    private static Engagement.Intake intake(int incidents, int misses, int toil, LocalDate launch, int willingness,
                                            int motivation, Relationship relationship, int risk) {
        return new Engagement.Intake("pain", incidents, misses, toil, launch, "hopes", willingness, motivation, relationship, risk);
    }

    @Test
    void aHandComputedScore() {
        // risk 2 -> 0.75; occasional -> 0.5; willingness 5 -> 1; problem: max(6/12, 0/6, 20/50, none) = 0.5;
        // motivation 4 -> 0.75; level B -> 0.6. Weights 3,2,2,2,2,1 (sum 12):
        // (3*.75 + 2*.5 + 2*1 + 2*.5 + 2*.75 + 1*.6) / 12 * 100 = 8.35 / 12 * 100 = 69.583...
        SelectionScore s = Selection.score(intake(6, 0, 20, null, 5, 4, Relationship.OCCASIONAL, 2),
                List.of(ReadinessLevel.B, ReadinessLevel.C), defaults(), TODAY);
        assertThat(s.total()).isCloseTo(69.5833, within(1e-3));
        assertThat(s.parts()).hasSize(6);
        assertThat(s.parts().stream().mapToDouble(SelectionScore.Part::points).sum()).isCloseTo(s.total(), within(1e-9));
        SelectionScore.Part problem = s.parts().stream().filter(p -> p.criterion().equals("problem")).findFirst().orElseThrow();
        assertThat(problem.value()).isEqualTo(0.5);
        assertThat(problem.reason()).contains("6 incidents").contains("20 % toil");
        assertThat(s.parts().get(5).reason()).contains("highest level B");
        assertThat(s.totalText()).isEqualTo("69.6");
    }

    @Test
    void lowRiskComesFirstByDefaultAndWeightsChangeTheOrder() {
        Engagement.Intake safe = intake(2, 0, 10, null, 4, 3, Relationship.ESTABLISHED, 1);
        Engagement.Intake burning = intake(30, 8, 60, TODAY.plusDays(20), 3, 5, Relationship.NONE, 5);
        Map<SelectionCriterion, Integer> w = defaults();
        assertThat(Selection.score(safe, List.of(ReadinessLevel.B), w, TODAY).total())
                .isGreaterThan(Selection.score(burning, List.of(ReadinessLevel.A), w, TODAY).total());
        w.put(SelectionCriterion.LOW_RISK, 0);
        w.put(SelectionCriterion.RELATIONSHIP, 0);
        w.put(SelectionCriterion.PROBLEM, 10);
        assertThat(Selection.score(burning, List.of(ReadinessLevel.A), w, TODAY).total())
                .isGreaterThan(Selection.score(safe, List.of(ReadinessLevel.B), w, TODAY).total());
    }

    @Test
    void boundsAndEdges() {
        Engagement.Intake best = intake(12, 6, 50, TODAY, 5, 5, Relationship.ESTABLISHED, 1);
        assertThat(Selection.score(best, List.of(ReadinessLevel.A), defaults(), TODAY).total()).isCloseTo(100.0, within(1e-9));
        Engagement.Intake worst = intake(0, 0, 0, TODAY.minusDays(1), 1, 1, Relationship.NONE, 5);
        SelectionScore zero = Selection.score(worst, List.of(), defaults(), TODAY);
        assertThat(zero.total()).isZero();
        assertThat(zero.parts().get(5).reason()).isEqualTo("no services in scope");
        Map<SelectionCriterion, Integer> none = new EnumMap<>(SelectionCriterion.class);
        assertThat(Selection.score(best, List.of(), none, TODAY).total()).isZero();
        // a launch four months out counts half
        Engagement.Intake later = intake(0, 0, 0, TODAY.plusDays(120), 3, 3, Relationship.NONE, 3);
        assertThat(SelectionCriterion.PROBLEM.value(later, List.of(), TODAY).value()).isEqualTo(0.5);
    }
}
