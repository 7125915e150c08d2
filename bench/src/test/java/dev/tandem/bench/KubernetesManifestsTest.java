package dev.tandem.bench;

import dev.tandem.checks.Analysis;
import dev.tandem.checks.ManifestAnalyzer;
import dev.tandem.checks.Outcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KubernetesManifestsTest {

    @Test
    void generatesTheRequestedObjectsDeterministicallyWithSomeFailures() {
        String yaml = KubernetesManifests.generate(1000, 42);
        assertThat(KubernetesManifests.generate(1000, 42)).isEqualTo(yaml);
        Analysis analysis = new ManifestAnalyzer().analyze("bench.yaml", yaml);
        assertThat(analysis.objectsAnalysed()).isEqualTo(1000);
        assertThat(analysis.result("k8s.image.pinned").orElseThrow().outcome()).isEqualTo(Outcome.FAIL);
        assertThat(analysis.result("k8s.pdb.allows-disruption").orElseThrow().outcome()).isEqualTo(Outcome.FAIL);
        assertThat(analysis.result("k8s.service.targets-pods").orElseThrow().outcome()).isEqualTo(Outcome.PASS);
        assertThat(analysis.result("k8s.hpa.target-exists").orElseThrow().outcome()).isEqualTo(Outcome.PASS);
        long failures = analysis.findings().stream().filter(f -> f.outcome() == Outcome.FAIL).count();
        assertThat(failures).isBetween(20L, 200L);
    }
}
