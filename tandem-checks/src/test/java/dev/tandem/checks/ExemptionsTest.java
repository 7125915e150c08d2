package dev.tandem.checks;

import org.junit.jupiter.api.Test;

import static dev.tandem.checks.Fixtures.analyze;
import static dev.tandem.checks.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

/** Waivers by annotation on the object and by the caller; exempt findings stay in the analysis with their reason. */
class ExemptionsTest {

    private static final String FILE = "manifests/exemptions/annotated.yaml";

    @Test
    void annotationExemptsTheListedChecksWithTheirReason() {
        Analysis analysis = analyze(FILE);
        Finding readiness = result(analysis, "k8s.probes.readiness").findings().get(0);
        assertThat(readiness.object().name()).isEqualTo("batch-worker");
        assertThat(readiness.outcome()).isEqualTo(Outcome.EXEMPT);
        assertThat(readiness.exemptionReason()).isEqualTo("Consumes a queue; serves no traffic and exits when unhealthy.");
        assertThat(readiness.message()).isEqualTo("container \"worker\" has no readiness probe");
        // not listed: still fails
        Finding requests = result(analysis, "k8s.resources.requests").findings().get(0);
        assertThat(requests.object().name()).isEqualTo("batch-worker");
        assertThat(requests.outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void starExemptsEveryCheckAndAMissingReasonSaysSo() {
        Analysis analysis = analyze(FILE);
        assertThat(analysis.findings()).filteredOn(f -> f.object().name().equals("legacy"))
                .isNotEmpty()
                .allSatisfy(f -> {
                    assertThat(f.outcome()).isIn(Outcome.EXEMPT, Outcome.PASS);
                    if (f.outcome() == Outcome.EXEMPT) {
                        assertThat(f.exemptionReason()).isEqualTo("no reason given");
                    }
                })
                .anyMatch(f -> f.outcome() == Outcome.EXEMPT && f.checkId().equals("k8s.image.pinned"));
    }

    @Test
    void aCheckWhoseFailuresAreAllExemptIsExemptAndCountsAsPassing() {
        Analysis analysis = analyze(FILE);
        CheckResult liveness = result(analysis, "k8s.probes.liveness");
        assertThat(liveness.findings(Outcome.FAIL)).extracting(f -> f.object().name()).containsExactly("plain");
        CheckResult image = result(analysis, "k8s.image.pinned");
        assertThat(image.outcome()).isEqualTo(Outcome.EXEMPT); // legacy:latest is the only failure, and exempt
        assertThat(image.passing()).isTrue();
    }

    @Test
    void callerExemptionsCoverMatchingObjectsOnly() {
        Exemptions exemptions = Exemptions.of(
                new Exemption("k8s.resources.requests", new ObjectRef("Deployment", null, "plain", null), "Sized by the VPA"),
                new Exemption("k8s.graceful-termination", null, "  "));
        Analysis analysis = analyze(FILE, exemptions);
        assertThat(result(analysis, "k8s.resources.requests").findings())
                .extracting(f -> f.object().name() + ":" + f.outcome() + ":" + f.exemptionReason())
                .containsExactly("batch-worker:FAIL:null", "legacy:EXEMPT:no reason given", "plain:EXEMPT:Sized by the VPA");
        CheckResult graceful = result(analysis, "k8s.graceful-termination");
        assertThat(graceful.outcome()).isEqualTo(Outcome.EXEMPT);
        assertThat(graceful.findings()).allSatisfy(f -> assertThat(f.exemptionReason()).isEqualTo("no reason given"));
    }

    @Test
    void theAnnotationReasonWinsOverTheCallers() {
        Analysis analysis = analyze(FILE, Exemptions.of(Exemption.of("*", "caller")));
        assertThat(result(analysis, "k8s.probes.readiness").findings())
                .extracting(Finding::exemptionReason)
                .containsExactly("Consumes a queue; serves no traffic and exits when unhealthy.", "no reason given", "caller");
    }

    @Test
    void objectPatternsMatchByTheirNonNullFields() {
        ObjectRef web = new ObjectRef("Deployment", "shop", "web", "app");
        assertThat(new ObjectRef(null, null, null, null).matches(web)).isTrue();
        assertThat(new ObjectRef("deployment", "shop", null, null).matches(web)).isTrue();
        assertThat(new ObjectRef("Deployment", "other", null, null).matches(web)).isFalse();
        assertThat(new ObjectRef(null, null, "web", "sidecar").matches(web)).isFalse();
    }
}
