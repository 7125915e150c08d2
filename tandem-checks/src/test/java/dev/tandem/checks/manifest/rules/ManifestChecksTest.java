package dev.tandem.checks.manifest.rules;

import dev.tandem.checks.Analysis;
import dev.tandem.checks.CheckResult;
import dev.tandem.checks.Finding;
import dev.tandem.checks.ManifestCheck;
import dev.tandem.checks.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.tandem.checks.Fixtures.analyze;
import static dev.tandem.checks.Fixtures.lineOf;
import static dev.tandem.checks.Fixtures.result;
import static dev.tandem.checks.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** Every manifest check against a manifest that passes it and one that fails it (src/test/resources/manifests/checks/ID). */
class ManifestChecksTest {

    /** What each failing manifest must be told, and the line of the manifest the first failure points at. */
    private static final Map<String, List<String>> FAILURES = Map.ofEntries(
            entry("k8s.resources.requests", List.of("container \"app\" sets no CPU request", "- name: app")),
            entry("k8s.resources.limits", List.of("container \"app\" sets no memory limit", "- name: app")),
            entry("k8s.resources.memory-request-equals-limit", List.of("container \"app\" requests 256Mi of memory but is limited to 1Gi", "limits: {memory: 1Gi}")),
            entry("k8s.probes.readiness", List.of("container \"app\" has no readiness probe", "- name: app")),
            entry("k8s.probes.liveness", List.of("container \"redis\" has no liveness probe", "- name: redis")),
            entry("k8s.probes.distinct", List.of("container \"app\" runs the same check for readiness and liveness (httpGet /health on port 8080)", "livenessProbe:")),
            entry("k8s.pdb.present", List.of("no PodDisruptionBudget selects the pods of Deployment shop/web", "apiVersion: apps/v1")),
            entry("k8s.pdb.allows-disruption", List.of("minAvailable 2 leaves no pod of Deployment web (at least 2 replicas) to evict", "minAvailable: 2")),
            entry("k8s.replicas.minimum", List.of("sets no replicas, so Kubernetes runs 1", "apiVersion: apps/v1")),
            entry("k8s.hpa.no-fixed-replicas", List.of("sets replicas: 4 although HorizontalPodAutoscaler api scales it", "replicas: 4")),
            entry("k8s.hpa.target-exists", List.of("scaleTargetRef names Deployment wroker, which is not among the analysed objects", "scaleTargetRef:")),
            entry("k8s.spread", List.of("neither pod anti-affinity nor topology spread constraints keep its replicas apart", "    spec:")),
            entry("k8s.image.pinned", List.of("container \"app\" runs registry.example.com:5000/shop/web: no tag, which means latest", "image: registry.example.com:5000/shop/web")),
            entry("k8s.security.non-root", List.of("container \"app\" runs as user 0 (root)", "runAsUser: 0")),
            entry("k8s.security.no-privilege-escalation", List.of("container \"agent\" is privileged", "privileged: true")),
            entry("k8s.graceful-termination", List.of("no container has a preStop hook and terminationGracePeriodSeconds is not set", "    spec:")),
            entry("k8s.rolling-update", List.of("strategy is Recreate: every release stops all old pods before new ones start", "type: Recreate")),
            entry("k8s.selector-matches", List.of("selector app=web,tier in (back) does not match the pod template labels {app=web,tier=front}", "selector:")),
            entry("k8s.service.targets-pods", List.of("selector app=web-frontend matches the pods of no analysed workload", "selector: {app: web-frontend}")));

    static Stream<String> checkIds() {
        return ManifestChecks.builtIn().stream().map(c -> c.definition().id());
    }

    @Test
    void everyBuiltInCheckHasAFailureExpectation() {
        assertThat(FAILURES.keySet()).containsExactlyInAnyOrderElementsOf(checkIds().toList());
    }

    @ParameterizedTest
    @MethodSource("checkIds")
    void passingManifestPasses(String id) {
        CheckResult result = result(analyze("manifests/checks/" + id + "/pass.yaml"), id);
        assertThat(result.outcome()).as(result.findings().toString()).isEqualTo(Outcome.PASS);
        assertThat(result.findings()).isNotEmpty().allMatch(f -> f.outcome() == Outcome.PASS);
    }

    @ParameterizedTest
    @MethodSource("checkIds")
    void failingManifestFailsWithMessageAndLine(String id) {
        String resource = "manifests/checks/" + id + "/fail.yaml";
        CheckResult result = result(analyze(resource), id);
        assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
        List<Finding> failures = result.findings(Outcome.FAIL);
        Finding first = failures.get(0);
        assertThat(first.message()).isEqualTo(FAILURES.get(id).get(0));
        assertThat(first.location().file()).isEqualTo(resource);
        assertThat(first.location().line()).isEqualTo(lineOf(text(resource), FAILURES.get(id).get(1)));
        assertThat(first.exemptionReason()).isNull();
    }

    @Test
    void theReferenceServicePassesEveryManifestCheck() {
        Analysis analysis = analyze("manifests/good/app.yaml");
        assertThat(analysis.objectsAnalysed()).isEqualTo(4);
        assertThat(analysis.results()).hasSize(ManifestChecks.builtIn().size())
                .allSatisfy(r -> assertThat(r.outcome()).as(r.checkId() + " " + r.findings()).isEqualTo(Outcome.PASS));
    }

    @Test
    void failingManifestsReportEveryFailureNotOnlyTheFirst() {
        assertThat(result(analyze("manifests/checks/k8s.image.pinned/fail.yaml"), "k8s.image.pinned").findings(Outcome.FAIL))
                .extracting(Finding::message)
                .containsExactly("container \"app\" runs registry.example.com:5000/shop/web: no tag, which means latest",
                        "container \"proxy\" runs envoyproxy/envoy:latest: the latest tag moves with every push");
        assertThat(result(analyze("manifests/checks/k8s.rolling-update/fail.yaml"), "k8s.rolling-update").findings(Outcome.FAIL))
                .extracting(Finding::message)
                .containsExactly("strategy is Recreate: every release stops all old pods before new ones start",
                        "updateStrategy is OnDelete: pods keep the old version until deleted by hand");
    }

    @Test
    void containerFindingsNameTheirContainer() {
        Finding f = result(analyze("manifests/checks/k8s.security.non-root/fail.yaml"), "k8s.security.non-root").findings().get(0);
        assertThat(f.object().kind()).isEqualTo("Deployment");
        assertThat(f.object().name()).isEqualTo("web");
        assertThat(f.object().namespace()).isNull();
        assertThat(f.object().container()).isEqualTo("app");
    }

    @Test
    void checksThatFindNothingToCheckAreNotApplicable() {
        Analysis analysis = analyze("manifests/checks/k8s.resources.requests/pass.yaml"); // one Job
        assertThat(result(analysis, "k8s.probes.readiness").outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(result(analysis, "k8s.pdb.present").outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(result(analysis, "k8s.hpa.target-exists").outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(result(analysis, "k8s.service.targets-pods").outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(result(analysis, "k8s.resources.requests").findings()).hasSize(2); // init container and container
    }

    @Test
    void everyCheckHasAUniqueIdAndIsListedOnce() {
        List<String> ids = ManifestChecks.builtIn().stream().map(ManifestCheck::definition).map(d -> d.id()).toList();
        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.startsWith("k8s."));
    }
}
