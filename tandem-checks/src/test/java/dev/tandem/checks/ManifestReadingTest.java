package dev.tandem.checks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.tandem.checks.Fixtures.analyze;
import static dev.tandem.checks.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Reading manifests: lists, Helm output, custom resources, odd documents, malformed YAML, directory walks. */
class ManifestReadingTest {

    @Test
    void listItemsAreObjectsAndNestedListsToo() {
        Analysis analysis = analyze("manifests/lists/list.yaml");
        assertThat(analysis.objectsAnalysed()).isEqualTo(3); // Deployment, Service, ConfigMap; not the Lists themselves
        Finding replicas = result(analysis, "k8s.replicas.minimum").findings().get(0);
        assertThat(replicas.object()).isEqualTo(new ObjectRef("Deployment", "shop", "web", null));
        assertThat(replicas.location().line()).isEqualTo(13); // "replicas: 1" inside the item
        assertThat(result(analysis, "k8s.service.targets-pods").outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void helmOutputIsReadWithEachObjectsTemplate() {
        Analysis analysis = analyze("manifests/helm/rendered.yaml");
        assertThat(analysis.objectsAnalysed()).isEqualTo(4);
        assertThat(result(analysis, "k8s.service.targets-pods").outcome()).isEqualTo(Outcome.PASS);
        Finding replicas = result(analysis, "k8s.replicas.minimum").findings().get(0);
        assertThat(replicas.message()).isEqualTo("runs 1 replica [template shop/templates/deployment.yaml]");
        assertThat(replicas.location()).isEqualTo(new Location("manifests/helm/rendered.yaml",
                Fixtures.lineOf(Fixtures.text("manifests/helm/rendered.yaml"), "replicas: 1")));
        Finding image = result(analysis, "k8s.image.pinned").findings(Outcome.FAIL).get(0);
        assertThat(image.object().name()).isEqualTo("shop-web-test-connection");
        assertThat(image.message()).endsWith("[template shop/templates/tests/test-connection.yaml]");
    }

    @Test
    void customResourcesUnknownKindsAndOddDocumentsAreIgnored() {
        Analysis analysis = analyze("manifests/crds/custom.yaml");
        // CRD, Widget, Knative Service, the custom "Deployment", ConfigMap; not the scalar, list, empty or kind-less documents
        assertThat(analysis.objectsAnalysed()).isEqualTo(5);
        assertThat(analysis.results()).allSatisfy(r -> assertThat(r.outcome()).as(r.checkId()).isEqualTo(Outcome.NOT_APPLICABLE));
    }

    @Test
    void emptyTextAndCommentsOnlyAreFine() {
        ManifestAnalyzer analyzer = new ManifestAnalyzer();
        assertThat(analyzer.analyze("empty.yaml", "").objectsAnalysed()).isZero();
        assertThat(analyzer.analyze("comments.yaml", "# nothing\n---\n---\n# still nothing\n").objectsAnalysed()).isZero();
    }

    @Test
    void malformedYamlNamesFileAndLine() {
        InvalidManifestException e = catchThrowableOfType(InvalidManifestException.class,
                () -> analyze("manifests/malformed/unclosed.yaml"));
        assertThat(e.file()).isEqualTo("manifests/malformed/unclosed.yaml");
        assertThat(e.line()).isEqualTo(11);
        assertThat(e.problems().get(0).message()).startsWith("not valid YAML: ").contains("flow mapping");
        assertThat(e.getMessage()).startsWith("manifests/malformed/unclosed.yaml:11: not valid YAML");

        assertThat(catchThrowableOfType(InvalidManifestException.class, () -> analyze("manifests/malformed/indent.yaml")).line()).isEqualTo(7);
        InvalidManifestException tab = catchThrowableOfType(InvalidManifestException.class, () -> analyze("manifests/malformed/tab.yaml"));
        assertThat(tab.line()).isEqualTo(4);
        assertThat(tab.getMessage()).contains("tab");
    }

    @Test
    void everyMalformedFileIsReportedNotOnlyTheFirst(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.yaml"), "a: [\n");
        Files.writeString(dir.resolve("b.yaml"), "kind: ConfigMap\napiVersion: v1\n");
        Files.writeString(dir.resolve("c.yml"), "x: {\n");
        InvalidManifestException e = catchThrowableOfType(InvalidManifestException.class,
                () -> new ManifestAnalyzer().analyze(List.of(dir)));
        assertThat(e.problems()).extracting(p -> Path.of(p.file()).getFileName().toString()).containsExactly("a.yaml", "c.yml");
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.line()).isEqualTo(2));
    }

    @Test
    void aMissingPathIsAProblemWithoutLine() {
        assertThatThrownBy(() -> new ManifestAnalyzer().analyze(List.of(Path.of("does/not/exist.yaml"))))
                .isInstanceOf(InvalidManifestException.class)
                .hasMessage("does/not/exist.yaml: no such file or directory");
    }

    @Test
    void directoryWalkReadsYamlAndSkipsHiddenVendoredAndChartTemplates(@TempDir Path dir) throws IOException {
        String configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: %s\n";
        Files.createDirectories(dir.resolve("deploy/base"));
        Files.writeString(dir.resolve("deploy/base/a.yaml"), configMap.formatted("a"));
        Files.writeString(dir.resolve("deploy/b.yml"), configMap.formatted("b"));
        Files.writeString(dir.resolve("deploy/notes.txt"), "not: yaml: at: all: [");
        Files.createDirectories(dir.resolve(".github/workflows"));
        Files.writeString(dir.resolve(".github/workflows/ci.yml"), "on: push\njobs: {}\n");
        Files.createDirectories(dir.resolve("node_modules/x"));
        Files.writeString(dir.resolve("node_modules/x/bad.yaml"), "a: [");
        Files.createDirectories(dir.resolve("chart/templates"));
        Files.writeString(dir.resolve("chart/Chart.yaml"), "apiVersion: v2\nname: chart\nversion: 0.1.0\n");
        Files.writeString(dir.resolve("chart/templates/deployment.yaml"), "{{- if .Values.enabled }}\nkind: {{ .Values.kind }}\n");

        assertThat(ManifestAnalyzer.manifestFiles(dir)).extracting(p -> dir.relativize(p).toString().replace('\\', '/'))
                .containsExactly("chart/Chart.yaml", "deploy/b.yml", "deploy/base/a.yaml");
        Analysis analysis = new ManifestAnalyzer().analyze(List.of(dir));
        assertThat(analysis.filesAnalysed()).isEqualTo(3);
        assertThat(analysis.objectsAnalysed()).isEqualTo(2);
    }

    @Test
    void pathsAreShownNormalisedWithSlashes(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("x.yaml"), Fixtures.text("manifests/checks/k8s.spread/fail.yaml"));
        Analysis analysis = new ManifestAnalyzer().analyze(List.of(dir.resolve("sub").resolve("..").resolve("x.yaml")));
        assertThat(result(analysis, "k8s.spread").findings().get(0).location().file())
                .isEqualTo(dir.resolve("x.yaml").toString().replace('\\', '/'));
    }

    @Test
    void mergeKeysAndAnchorsAreFollowed() {
        String yaml = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers:
                        - name: app
                          image: web:1.0
                          resources:
                            requests: &req {cpu: 100m, memory: 64Mi}
                            limits:
                              <<: *req
                """;
        Analysis analysis = new ManifestAnalyzer().analyze("anchors.yaml", yaml);
        assertThat(result(analysis, "k8s.resources.requests").outcome()).isEqualTo(Outcome.PASS);
        assertThat(result(analysis, "k8s.resources.limits").outcome()).isEqualTo(Outcome.PASS);
        assertThat(result(analysis, "k8s.resources.memory-request-equals-limit").outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void quotedNullsAndMergeKeysAreText() {
        String yaml = """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: x
                  labels: {a: "null", b: ~, c: '<<'}
                """;
        Analysis analysis = new ManifestAnalyzer().analyze("x.yaml", yaml);
        assertThat(analysis.objectsAnalysed()).isEqualTo(1);
        dev.tandem.checks.manifest.ManifestObject object = readOne(yaml);
        assertThat(object.labels()).containsExactly(org.assertj.core.api.Assertions.entry("a", "null"),
                org.assertj.core.api.Assertions.entry("b", ""), org.assertj.core.api.Assertions.entry("c", "<<"));
        assertThat(object.root().path("metadata", "labels", "b").exists()).isFalse();
        assertThat(object.root().path("metadata", "labels", "a").exists()).isTrue();
    }

    @Test
    void aliasesMustFollowTheirAnchorAndAreLimited() {
        InvalidManifestException undefined = catchThrowableOfType(InvalidManifestException.class,
                () -> new ManifestAnalyzer().analyze("a.yaml", "kind: X\nspec:\n  a: *nowhere\n"));
        assertThat(undefined.line()).isEqualTo(3);
        assertThat(undefined.getMessage()).contains("alias *nowhere refers to no earlier anchor");

        StringBuilder bomb = new StringBuilder("kind: X\nbase: &b [1, 2]\nitems:\n");
        for (int i = 0; i < 51; i++) {
            bomb.append("  - *b\n");
        }
        InvalidManifestException many = catchThrowableOfType(InvalidManifestException.class,
                () -> new ManifestAnalyzer().analyze("b.yaml", bomb.toString()));
        assertThat(many.getMessage()).contains("more than 50 aliases");
        assertThat(many.line()).isEqualTo(54);

        String deep = "kind: X\nspec: " + "[".repeat(120) + "]".repeat(120) + "\n";
        assertThat(catchThrowableOfType(InvalidManifestException.class, () -> new ManifestAnalyzer().analyze("d.yaml", deep))
                .getMessage()).contains("nested more than 100 levels deep");
    }

    private static dev.tandem.checks.manifest.ManifestObject readOne(String yaml) {
        List<dev.tandem.checks.manifest.ManifestObject> out = new java.util.ArrayList<>();
        new dev.tandem.checks.manifest.ManifestReader().read("x.yaml", yaml, out);
        assertThat(out).hasSize(1);
        return out.get(0);
    }
}
