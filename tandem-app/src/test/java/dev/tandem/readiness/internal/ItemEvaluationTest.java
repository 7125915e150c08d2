package dev.tandem.readiness.internal;

import dev.tandem.catalog.ReadinessLevel;
import dev.tandem.readiness.CheckResult;
import dev.tandem.readiness.CheckStatus;
import dev.tandem.readiness.ChecklistItem;
import dev.tandem.readiness.ItemState;
import dev.tandem.readiness.ItemStatus;
import dev.tandem.readiness.Phase;
import dev.tandem.readiness.Requirement;
import dev.tandem.readiness.ReviewItem;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ItemEvaluationTest {

    private final ItemEvaluation evaluation = new ItemEvaluation(null, null, null, null, 180);
    private final Instant now = Instant.parse("2026-11-27T12:00:00Z");

    private static ChecklistItem item(String... checks) {
        return new ChecklistItem("probes", Phase.PRE_PRODUCTION, "reliability", "Probes", null,
                Map.of(ReadinessLevel.A, Requirement.REQUIRED, ReadinessLevel.B, Requirement.REQUIRED,
                        ReadinessLevel.C, Requirement.RECOMMENDED), List.of(checks));
    }

    private static CheckResult result(String id, CheckStatus status) {
        return new CheckResult(id, status, "details", "kubernetes", Instant.EPOCH, null);
    }

    private static ReviewItem answer(ItemState state, Instant at) {
        return new ReviewItem("probes", state, "evidence", List.of(), state == ItemState.NOT_APPLICABLE ? "why" : null,
                "alice", at, 1);
    }

    @Test
    void passingChecksMeetTheItemAndOneFailureFailsIt() {
        ChecklistItem item = item("k8s.probes.readiness", "k8s.probes.liveness");
        ItemStatus met = evaluation.item(item, ReadinessLevel.B, ReviewItem.open("probes"), Map.of(
                "k8s.probes.readiness", result("k8s.probes.readiness", CheckStatus.PASS),
                "k8s.probes.liveness", result("k8s.probes.liveness", CheckStatus.EXEMPT)), now);
        assertThat(met.state()).isEqualTo(ItemState.MET);
        assertThat(met.automatic()).isTrue();
        assertThat(met.blocking()).isFalse();

        ItemStatus failed = evaluation.item(item, ReadinessLevel.B, answer(ItemState.MET, now), Map.of(
                "k8s.probes.readiness", result("k8s.probes.readiness", CheckStatus.FAIL),
                "k8s.probes.liveness", result("k8s.probes.liveness", CheckStatus.PASS)), now);
        assertThat(failed.state()).isEqualTo(ItemState.FAILED);
        assertThat(failed.blocking()).isTrue();
    }

    @Test
    void missingDataOrNothingApplicableLeavesTheItemToPeople() {
        ChecklistItem item = item("k8s.probes.readiness", "k8s.probes.liveness");
        ItemStatus partial = evaluation.item(item, ReadinessLevel.B, answer(ItemState.MET, now), Map.of(
                "k8s.probes.readiness", result("k8s.probes.readiness", CheckStatus.FAIL)), now);
        assertThat(partial.automatic()).isFalse();
        assertThat(partial.state()).isEqualTo(ItemState.MET);

        ItemStatus none = evaluation.item(item, ReadinessLevel.B, ReviewItem.open("probes"), Map.of(
                "k8s.probes.readiness", result("k8s.probes.readiness", CheckStatus.NOT_APPLICABLE),
                "k8s.probes.liveness", result("k8s.probes.liveness", CheckStatus.NOT_APPLICABLE)), now);
        assertThat(none.automatic()).isFalse();
        assertThat(none.state()).isEqualTo(ItemState.OPEN);
        assertThat(none.blocking()).isTrue();
    }

    @Test
    void aJustifiedNotApplicableStandsAgainstFailingChecks() {
        ItemStatus s = evaluation.item(item("k8s.probes.readiness"), ReadinessLevel.A, answer(ItemState.NOT_APPLICABLE, now),
                Map.of("k8s.probes.readiness", result("k8s.probes.readiness", CheckStatus.FAIL)), now);
        assertThat(s.state()).isEqualTo(ItemState.NOT_APPLICABLE);
        assertThat(s.automatic()).isFalse();
        assertThat(s.blocking()).isFalse();
    }

    @Test
    void attestationsExpireAndThenBlockRequiredItems() {
        Instant old = now.minus(Duration.ofDays(181));
        ItemStatus due = evaluation.item(item(), ReadinessLevel.A, answer(ItemState.MET, old), Map.of(), now);
        assertThat(due.due()).isTrue();
        assertThat(due.dueAt()).isEqualTo(old.plus(Duration.ofDays(180)));
        assertThat(due.blocking()).isTrue();
        assertThat(ItemEvaluation.blockers(List.of(due))).singleElement().asString().contains("due for a re-check");

        ItemStatus fresh = evaluation.item(item(), ReadinessLevel.A, answer(ItemState.MET, now.minus(Duration.ofDays(179))), Map.of(), now);
        assertThat(fresh.due()).isFalse();
        ItemStatus recommended = evaluation.item(item(), ReadinessLevel.C, answer(ItemState.MET, old), Map.of(), now);
        assertThat(recommended.due()).isTrue();
        assertThat(recommended.blocking()).isFalse();
    }
}
