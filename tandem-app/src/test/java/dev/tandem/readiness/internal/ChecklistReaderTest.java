package dev.tandem.readiness.internal;

import dev.tandem.catalog.ReadinessLevel;
import dev.tandem.readiness.Checklist;
import dev.tandem.readiness.ChecklistItem;
import dev.tandem.readiness.CheckInfo;
import dev.tandem.readiness.Phase;
import dev.tandem.readiness.Requirement;
import dev.tandem.shared.DocumentProblem;
import dev.tandem.shared.InvalidDocumentException;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ChecklistReaderTest {

    private static final Set<String> KNOWN = CheckDefinitions.all().stream().map(CheckInfo::id).collect(Collectors.toSet());
    private final ChecklistReader reader = new ChecklistReader(KNOWN::contains);

    @Test
    void theShippedChecklistIsValidAndBindsOnlyToChecksThatExist() {
        Checklist c = reader.read(DefaultChecklist.text());
        assertThat(c.name()).isEqualTo("default");
        assertThat(c.items(Phase.DESIGN)).hasSizeGreaterThanOrEqualTo(10);
        assertThat(c.items(Phase.PRE_PRODUCTION)).hasSizeGreaterThanOrEqualTo(60);
        assertThat(c.items().stream().filter(i -> !i.checks().isEmpty())).isNotEmpty();
        for (ChecklistItem item : c.items()) {
            assertThat(KNOWN).as("checks of %s", item.id()).containsAll(item.checks());
            // a higher level never asks less than a lower one
            assertThat(rank(item.requirement(ReadinessLevel.A))).as(item.id())
                    .isGreaterThanOrEqualTo(rank(item.requirement(ReadinessLevel.B)));
            assertThat(rank(item.requirement(ReadinessLevel.B))).as(item.id())
                    .isGreaterThanOrEqualTo(rank(item.requirement(ReadinessLevel.C)));
        }
    }

    private static int rank(Requirement r) {
        return r == Requirement.REQUIRED ? 2 : r == Requirement.RECOMMENDED ? 1 : 0;
    }

    @Test
    void readsEveryFieldOfAnItem() {
        Checklist c = reader.read("""
                apiVersion: tandem.dev/v1
                kind: Checklist
                metadata: {name: mini, title: Mini}
                spec:
                  categories: [{id: security, title: Security}]
                  items:
                    - id: tls
                      phase: design
                      category: security
                      title: Traffic is encrypted
                      guidance: TLS everywhere.
                      levels: {A: required, B: recommended, C: not-applicable}
                      checks: [catalog.owner]
                """);
        ChecklistItem tls = c.item("tls").orElseThrow();
        assertThat(tls.phase()).isEqualTo(Phase.DESIGN);
        assertThat(tls.requirement(ReadinessLevel.C)).isEqualTo(Requirement.NOT_APPLICABLE);
        assertThat(tls.checks()).containsExactly("catalog.owner");
        assertThat(c.categoryTitle("security")).isEqualTo("Security");
    }

    @Test
    void reportsEveryProblemWithItsLineAndPath() {
        InvalidDocumentException e = catchThrowableOfType(InvalidDocumentException.class, () -> reader.read("""
                apiVersion: tandem.dev/v1
                kind: Checklist
                metadata: {name: Bad_Name}
                spec:
                  categories: [{id: security, title: Security}]
                  items:
                    - id: one
                      phase: later
                      category: nowhere
                      title: One
                      levels: {A: required, B: maybe}
                      checks: [no.such.check]
                      colour: blue
                    - id: one
                      phase: design
                      category: security
                      title: Two
                      levels: {A: required, B: required, C: required}
                """));
        assertThat(e).isNotNull();
        assertThat(e.problems()).extracting(DocumentProblem::path).contains("metadata.name", "spec.items[0].phase",
                "spec.items[0].category", "spec.items[0].levels.B", "spec.items[0].levels.C",
                "spec.items[0].checks[0]", "spec.items[0].colour", "spec.items[1].id");
        DocumentProblem phase = e.problems().stream().filter(p -> p.path().equals("spec.items[0].phase")).findFirst().orElseThrow();
        assertThat(phase.line()).isEqualTo(8);
        assertThat(phase.message()).contains("design or pre-production");
        assertThat(e.getMessage()).startsWith("nothing was imported");
    }

    @Test
    void malformedYamlNamesTheLine() {
        InvalidDocumentException e = catchThrowableOfType(InvalidDocumentException.class,
                () -> reader.read("apiVersion: tandem.dev/v1\nkind: Checklist\nmetadata: [unclosed\n"));
        assertThat(e.problems().get(0).message()).startsWith("not valid YAML");
        assertThat(e.problems().get(0).line()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void refusesOtherKindsAndEmptyFiles() {
        assertThatThrownBy(() -> reader.read("apiVersion: tandem.dev/v1\nkind: Scorecard\nmetadata: {name: x}\nspec: {}"))
                .isInstanceOf(InvalidDocumentException.class).hasMessageContaining("expected Checklist");
        assertThatThrownBy(() -> reader.read("")).isInstanceOf(InvalidDocumentException.class).hasMessageContaining("empty");
    }
}
