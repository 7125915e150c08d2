package dev.tandem.checks;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/checks.md lists every built-in check, with the requirements the code gives it at each level. */
class ChecksDocumentationTest {

    @Test
    void everyCheckIsDocumentedWithItsRequirements() throws IOException {
        String docs = Files.readString(Path.of("..", "docs", "checks.md"));
        for (CheckDefinition check : Checks.all()) {
            StringBuilder row = new StringBuilder("| [`" + check.id() + "`](#" + check.id().replace(".", "") + ") | " + check.title());
            for (Level level : Level.values()) {
                row.append(" | ").append(word(check.requirement(level)));
            }
            assertThat(docs).as(check.id()).contains(row.append(" |").toString());
            assertThat(docs).contains("\n### " + check.id() + "\n");
        }
    }

    @Test
    void theLevelsRequireWhatTheBriefAsks() {
        assertThat(Checks.all()).hasSize(26);
        assertThat(Checks.all()).filteredOn(c -> c.requirement(Level.B) == Requirement.REQUIRED).extracting(CheckDefinition::id)
                .containsExactly("k8s.resources.requests", "k8s.resources.limits", "k8s.probes.readiness", "k8s.probes.liveness",
                        "k8s.replicas.minimum", "k8s.image.pinned", "k8s.security.non-root", "k8s.rolling-update",
                        "k8s.selector-matches", "repo.codeowners", "repo.runbook", "repo.ci");
        assertThat(Checks.all()).filteredOn(c -> c.requirement(Level.A) != Requirement.REQUIRED).extracting(CheckDefinition::id)
                .containsExactly("repo.dockerignore");
        assertThat(Checks.all()).filteredOn(c -> c.requirement(Level.C) == Requirement.REQUIRED).hasSize(5);
        assertThat(Checks.byId("k8s.spread")).map(CheckDefinition::category).contains("Availability");
        assertThat(Checks.byId("nope")).isEmpty();
    }

    private static String word(Requirement r) {
        return r == Requirement.NOT_APPLICABLE ? "—" : r.name().toLowerCase(Locale.ROOT);
    }
}
