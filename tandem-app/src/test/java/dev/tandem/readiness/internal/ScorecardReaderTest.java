package dev.tandem.readiness.internal;

import dev.tandem.catalog.ReadinessLevel;
import dev.tandem.readiness.CheckStatus;
import dev.tandem.readiness.Fact;
import dev.tandem.readiness.Scorecard;
import dev.tandem.shared.DocumentProblem;
import dev.tandem.shared.InvalidDocumentException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ScorecardReaderTest {

    private final ScorecardReader reader = new ScorecardReader(Set.of("catalog.owner", "k8s.image.pinned")::contains);

    @Test
    void readsFilterRulesAndLevels() {
        Scorecard card = reader.read("""
                apiVersion: tandem.dev/v1
                kind: Scorecard
                metadata: {name: basics, title: Basics}
                spec:
                  filter: {levels: [A, B], lifecycles: [production], tags: [java]}
                  rules:
                    - {id: coverage, title: Coverage at least 80 %, fact: coverage, operator: ">=", value: 80}
                  levels:
                    - {name: Bronze, checks: [catalog.owner]}
                    - {name: Silver, checks: [k8s.image.pinned, coverage]}
                """);
        assertThat(card.levelNames()).containsExactly("Bronze", "Silver");
        assertThat(card.filter().levels()).containsExactly(ReadinessLevel.A, ReadinessLevel.B);
        assertThat(card.filter().matches("any", ReadinessLevel.B, "production", List.of("go", "java"))).isTrue();
        assertThat(card.filter().matches("any", ReadinessLevel.C, "production", List.of("java"))).isFalse();
        assertThat(card.filter().matches("any", ReadinessLevel.A, "production", List.of("go"))).isFalse();
        assertThat(card.rules().get(0).value()).isEqualTo(80.0);
    }

    @Test
    void rulesCompareFactValues() {
        Scorecard.Rule rule = new Scorecard.Rule("coverage", "Coverage", "coverage", ">=", 80.0);
        Fact high = new Fact("coverage", null, 83.5, null, "push:ci", Instant.EPOCH, null);
        Fact low = new Fact("coverage", null, 79.9, null, "push:ci", Instant.EPOCH, null);
        assertThat(RuleEvaluator.evaluate(rule, high).status()).isEqualTo(CheckStatus.PASS);
        assertThat(RuleEvaluator.evaluate(rule, low).status()).isEqualTo(CheckStatus.FAIL);
        assertThat(RuleEvaluator.evaluate(rule, null).status()).isEqualTo(CheckStatus.NO_DATA);
        assertThat(RuleEvaluator.test("==", "blue", "blue")).isTrue();
        assertThat(RuleEvaluator.test("!=", true, true)).isFalse();
        assertThat(RuleEvaluator.test("exists", "x", null)).isTrue();
        assertThat(RuleEvaluator.test(">", "text", 3.0)).isFalse();
    }

    @Test
    void unknownChecksBadOperatorsAndDuplicateLevelsAreReported() {
        InvalidDocumentException e = catchThrowableOfType(InvalidDocumentException.class, () -> reader.read("""
                apiVersion: tandem.dev/v1
                kind: Scorecard
                metadata: {name: bad}
                spec:
                  rules:
                    - {id: catalog.owner, title: Shadow, fact: x, operator: "~", value: 1}
                    - {id: words, title: Words, fact: y, operator: ">", value: many}
                  levels:
                    - {name: Bronze, checks: [nope]}
                    - {name: Bronze, checks: []}
                """));
        assertThat(e.problems()).extracting(DocumentProblem::path).contains("spec.rules[0].id", "spec.rules[0].operator",
                "spec.rules[1].value", "spec.levels[0].checks[0]", "spec.levels[1].name", "spec.levels[1].checks");
    }
}
