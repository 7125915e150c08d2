package dev.tandem.checks;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tandem's own Kubernetes manifests (deploy/kubernetes) pass its own checks at the strictest level. */
class DeployManifestsTest {

    private static final Path MANIFESTS = Path.of("..", "deploy", "kubernetes");

    @Test
    void tandemsOwnManifestsMeetLevelA() {
        assertThat(Files.isDirectory(MANIFESTS)).as(MANIFESTS.toAbsolutePath() + " exists").isTrue();
        Analysis analysis = new ManifestAnalyzer().analyze(List.of(MANIFESTS));
        assertThat(analysis.requiredFailures(Level.A)).isEmpty();
        assertThat(analysis.meets(Level.A)).isTrue();
        assertThat(analysis.findings()).noneMatch(f -> f.outcome() == Outcome.FAIL || f.outcome() == Outcome.EXEMPT);
        assertThat(analysis.results()).filteredOn(r -> r.outcome() == Outcome.NOT_APPLICABLE)
                .extracting(CheckResult::checkId)
                .containsExactlyInAnyOrder("k8s.hpa.no-fixed-replicas", "k8s.hpa.target-exists"); // no HPA by design
        assertThat(analysis.result("k8s.replicas.minimum").orElseThrow().findings().get(0).message()).isEqualTo("runs 2 replicas");
    }
}
