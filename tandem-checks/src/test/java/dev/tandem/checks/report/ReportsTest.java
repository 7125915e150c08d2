package dev.tandem.checks.report;

import dev.tandem.checks.Analysis;
import dev.tandem.checks.CheckDefinition;
import dev.tandem.checks.Exemption;
import dev.tandem.checks.Exemptions;
import dev.tandem.checks.Finding;
import dev.tandem.checks.Level;
import dev.tandem.checks.Location;
import dev.tandem.checks.ManifestAnalyzer;
import dev.tandem.checks.ObjectRef;
import dev.tandem.checks.Outcome;
import dev.tandem.checks.Requirement;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.tandem.checks.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

/** Each report format, read back with a real parser (Jackson for JSON and SARIF, the JDK's DOM for JUnit XML). */
class ReportsTest {

    private static final String FILE = "manifests/exemptions/annotated.yaml";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Analysis analysis() {
        return new ManifestAnalyzer().analyze(FILE, text(FILE), Exemptions.of(
                new Exemption("k8s.security.non-root", ObjectRef.of("Deployment", null, "plain"), "Runs <as> \"nobody\" & fine")));
    }

    private static String write(ReportFormat format, Analysis analysis, Level level) throws IOException {
        StringBuilder out = new StringBuilder();
        format.write(analysis, level, Path.of("").toAbsolutePath(), out);
        return out.toString();
    }

    @Test
    void textGroupsByCategoryWithObjectLocationMessageFixAndSummary() throws IOException {
        String text = write(ReportFormat.TEXT, analysis(), Level.B);
        assertThat(text).startsWith("Tandem check at level B: 3 objects in 1 file\n");
        assertThat(text).contains("\nResources\n  FAIL    k8s.resources.requests ");
        assertThat(text).contains("- Deployment plain (container app)  " + FILE + ":49\n            container \"app\" sets no CPU and memory requests\n");
        assertThat(text).contains("fix: Set resources.requests.cpu and resources.requests.memory");
        assertThat(text).contains("  EXEMPT  k8s.image.pinned ");
        assertThat(text).contains("~ Deployment legacy (container app)  " + FILE + ":35\n            container \"app\" runs legacy:latest: the latest tag moves with every push\n            exempt: no reason given\n");
        assertThat(text).contains("exempt: Consumes a queue; serves no traffic and exits when unhealthy.");
        assertThat(text).contains("  PASS    k8s.rolling-update ");
        assertThat(text).contains("  N/A     k8s.probes.distinct ");
        assertThat(text.strip().lines().reduce((a, b) -> b).orElseThrow())
                .startsWith("Level B not met: 6 required checks fail (k8s.resources.requests, k8s.resources.limits, k8s.probes.readiness, "
                        + "k8s.probes.liveness, k8s.replicas.minimum, k8s.security.non-root).")
                .endsWith("3 objects in 1 file.");
    }

    @Test
    void jsonHasTheDocumentedShape() throws IOException {
        String text = write(ReportFormat.JSON, analysis(), Level.B);
        // members in the documented order, the same in every run (not a hash order)
        assertThat(text).containsSubsequence("\"schemaVersion\"", "\"tool\"", "\"name\"", "\"version\"", "\"level\"",
                "\"passed\"", "\"summary\"", "\"results\"", "\"id\"", "\"title\"", "\"category\"", "\"requirement\"",
                "\"outcome\"", "\"description\"", "\"remedy\"", "\"findings\"", "\"outcome\"", "\"object\"", "\"kind\"",
                "\"namespace\"", "\"name\"", "\"container\"", "\"location\"", "\"file\"", "\"line\"", "\"message\"",
                "\"exemptionReason\"");
        JsonNode doc = JSON.readTree(text);
        assertThat(doc.path("tool").path("version").asString()).isEqualTo(dev.tandem.checks.Checks.version()).doesNotContain("@");
        assertThat(doc.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(doc.path("tool").path("name").asString()).isEqualTo("tandem");
        assertThat(doc.path("tool").path("version").asString()).isNotBlank();
        assertThat(doc.get("level").asString()).isEqualTo("B");
        assertThat(doc.get("passed").asBoolean()).isFalse();
        JsonNode summary = doc.get("summary");
        assertThat(summary.get("objects").asInt()).isEqualTo(3);
        assertThat(summary.get("files").asInt()).isEqualTo(1);
        assertThat(summary.get("checks").asInt()).isEqualTo(19);
        assertThat(summary.get("pass").asInt() + summary.get("fail").asInt() + summary.get("exempt").asInt()
                + summary.get("notApplicable").asInt()).isEqualTo(19);
        assertThat(summary.get("requiredFailing").size()).isEqualTo(6);
        JsonNode results = doc.get("results");
        assertThat(results.size()).isEqualTo(19);
        JsonNode nonRoot = find(results, "k8s.security.non-root");
        assertThat(nonRoot.get("requirement").asString()).isEqualTo("REQUIRED");
        assertThat(nonRoot.get("outcome").asString()).isEqualTo("FAIL");
        assertThat(nonRoot.get("category").asString()).isEqualTo("Security");
        assertThat(nonRoot.get("remedy").asString()).startsWith("Set securityContext.runAsNonRoot");
        JsonNode plain = nonRoot.get("findings").get(2);
        assertThat(plain.get("outcome").asString()).isEqualTo("EXEMPT");
        assertThat(plain.get("exemptionReason").asString()).isEqualTo("Runs <as> \"nobody\" & fine");
        assertThat(plain.path("object").path("kind").asString()).isEqualTo("Deployment");
        assertThat(plain.path("object").path("name").asString()).isEqualTo("plain");
        assertThat(plain.path("object").path("container").asString()).isEqualTo("app");
        assertThat(plain.path("object").get("namespace").isNull()).isTrue();
        assertThat(plain.path("location").path("file").asString()).isEqualTo(FILE);
        assertThat(plain.path("location").path("line").asInt()).isEqualTo(49);
        assertThat(find(results, "k8s.probes.distinct").get("findings").size()).isZero();
        assertThat(find(results, "k8s.rolling-update").get("findings").get(0).get("outcome").asString()).isEqualTo("PASS");
    }

    @Test
    void sarifIsVersion210WithRulesResultsLevelsLocationsAndSuppressions() throws IOException {
        JsonNode doc = JSON.readTree(write(ReportFormat.SARIF, analysis(), Level.B));
        assertThat(doc.get("$schema").asString()).contains("sarif-2.1.0");
        assertThat(doc.get("version").asString()).isEqualTo("2.1.0");
        assertThat(doc.get("runs").size()).isEqualTo(1);
        JsonNode run = doc.get("runs").get(0);
        JsonNode driver = run.path("tool").path("driver");
        assertThat(driver.get("name").asString()).isEqualTo("tandem");
        assertThat(driver.get("version").asString()).isNotBlank();
        JsonNode rules = driver.get("rules");
        assertThat(rules.size()).isEqualTo(19);
        List<String> ruleIds = new ArrayList<>();
        rules.forEach(r -> ruleIds.add(r.get("id").asString()));
        JsonNode requests = rules.get(ruleIds.indexOf("k8s.resources.requests"));
        assertThat(requests.path("shortDescription").path("text").asString()).isEqualTo("Every container requests CPU and memory");
        assertThat(requests.path("fullDescription").path("text").asString()).startsWith("Each container, init containers included");
        assertThat(requests.path("help").path("text").asString()).startsWith("Set resources.requests.cpu");
        assertThat(requests.path("defaultConfiguration").path("level").asString()).isEqualTo("error");
        assertThat(rules.get(ruleIds.indexOf("k8s.spread")).path("defaultConfiguration").path("level").asString()).isEqualTo("warning");

        JsonNode results = run.get("results");
        assertThat(results.size()).isPositive();
        for (JsonNode r : results) {
            assertThat(ruleIds.get(r.get("ruleIndex").asInt())).isEqualTo(r.get("ruleId").asString());
            assertThat(r.get("level").asString()).isIn("error", "warning", "note");
            JsonNode physical = r.get("locations").get(0).get("physicalLocation");
            assertThat(physical.path("artifactLocation").path("uri").asString()).isEqualTo(FILE);
            assertThat(physical.path("region").path("startLine").asInt()).isPositive();
            assertThat(r.path("message").path("text").asString()).isNotBlank();
        }
        JsonNode exemptImage = only(results, "k8s.image.pinned");
        assertThat(exemptImage.get("level").asString()).isEqualTo("error");
        assertThat(exemptImage.path("suppressions").get(0).path("kind").asString()).isEqualTo("inSource");
        assertThat(exemptImage.path("suppressions").get(0).path("justification").asString()).isEqualTo("no reason given");
        assertThat(exemptImage.path("message").path("text").asString())
                .isEqualTo("Deployment legacy (container app): container \"app\" runs legacy:latest: the latest tag moves with every push");
        // passing findings are not results
        assertThat(results.valueStream().map(r -> r.get("ruleId").asString())).doesNotContain("k8s.rolling-update", "k8s.selector-matches");
        // at level C, pdb.present is not applicable: a note
        JsonNode atC = JSON.readTree(write(ReportFormat.SARIF, analysis(), Level.C)).get("runs").get(0);
        assertThat(atC.get("results").valueStream().filter(r -> r.get("ruleId").asString().equals("k8s.probes.liveness"))
                .map(r -> r.get("level").asString()).distinct()).containsExactly("warning");
    }

    @Test
    void sarifUrisAreRelativeToTheBaseDirectoryAndEncoded() {
        Path base = Path.of("/work/repo");
        SarifReport report = new SarifReport(Analysis.empty(), Level.B, base);
        assertThat(report.uri("/work/repo/deploy/my app.yaml")).isEqualTo("deploy/my%20app.yaml");
        assertThat(report.uri("deploy/web.yaml")).isEqualTo("deploy/web.yaml");
    }

    @Test
    void junitHasASuitePerCategoryACasePerCheckFailuresAndSkips() throws Exception {
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(write(ReportFormat.JUNIT, analysis(), Level.B).getBytes(StandardCharsets.UTF_8)));
        Element root = xml.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("tests")).isEqualTo("19");
        NodeList suites = root.getElementsByTagName("testsuite");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < suites.getLength(); i++) {
            names.add(((Element) suites.item(i)).getAttribute("name"));
        }
        assertThat(names).containsExactly("Resources", "Health probes", "Availability", "Scaling", "Change management", "Security", "Configuration");
        Element requests = testcase(xml, "k8s.resources.requests");
        Element failure = (Element) requests.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("required");
        assertThat(failure.getAttribute("message")).isEqualTo("2 findings fail (required at level B)");
        assertThat(failure.getTextContent()).contains(FILE + ":49: Deployment plain (container app): container \"app\" sets no CPU and memory requests")
                .contains("Fix: Set resources.requests.cpu");
        Element nonRoot = testcase(xml, "k8s.security.non-root");
        assertThat(nonRoot.getElementsByTagName("system-out").item(0).getTextContent()).contains("(exempt: Runs <as> \"nobody\" & fine)");
        Element image = testcase(xml, "k8s.image.pinned");
        assertThat(((Element) image.getElementsByTagName("skipped").item(0)).getAttribute("message")).isEqualTo("exempt: no reason given");
        Element distinct = testcase(xml, "k8s.probes.distinct");
        assertThat(((Element) distinct.getElementsByTagName("skipped").item(0)).getAttribute("message")).startsWith("not applicable");
        Element rolling = testcase(xml, "k8s.rolling-update");
        assertThat(rolling.getChildNodes().getLength()).isZero();
    }

    @Test
    void xmlEscapingSurvivesMarkupQuotesNewlinesAndControlCharacters() throws Exception {
        CheckDefinition odd = CheckDefinition.of("x.odd", "Odd <title> & \"quotes\"", "Weird & wonderful", "d", "fix <it>",
                Requirement.REQUIRED, Requirement.REQUIRED, Requirement.REQUIRED);
        Finding f = new Finding("x.odd", Outcome.FAIL, ObjectRef.of("Thing", "ns", "a'b"), new Location("f.yaml", 3),
                "bad\u0001value ]]> <here>\nsecond line", null);
        Analysis analysis = new Analysis(List.of(odd), List.of(f), 1, 1);
        String out = write(ReportFormat.JUNIT, analysis, Level.A);
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(out.getBytes(StandardCharsets.UTF_8)));
        Element testcase = (Element) xml.getElementsByTagName("testcase").item(0);
        assertThat(testcase.getAttribute("name")).isEqualTo("x.odd: Odd <title> & \"quotes\"");
        assertThat(testcase.getElementsByTagName("failure").item(0).getTextContent())
                .contains("f.yaml:3: Thing ns/a'b: bad\uFFFDvalue ]]> <here>\nsecond line").contains("Fix: fix <it>");
        JsonNode json = JSON.readTree(write(ReportFormat.JSON, analysis, Level.A));
        assertThat(json.get("results").get(0).get("findings").get(0).get("message").asString()).isEqualTo("bad\u0001value ]]> <here>\nsecond line");
    }

    @Test
    void anEmptyAnalysisStillWritesValidDocuments() throws Exception {
        Analysis empty = Analysis.empty();
        assertThat(JSON.readTree(write(ReportFormat.SARIF, empty, Level.B)).get("runs").get(0).get("results").size()).isZero();
        assertThat(JSON.readTree(write(ReportFormat.JSON, empty, Level.B)).get("passed").asBoolean()).isTrue();
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(write(ReportFormat.JUNIT, empty, Level.B).getBytes(StandardCharsets.UTF_8)));
        assertThat(write(ReportFormat.TEXT, empty, Level.B)).endsWith("Level B met. 0 passed, 0 failed, 0 exempt, 0 not applicable; 0 objects in 0 files.\n");
    }

    @Test
    void formatNamesAreCaseInsensitive() {
        assertThat(ReportFormat.of("SARIF")).isEqualTo(ReportFormat.SARIF);
        assertThat(ReportFormat.of("junit")).isEqualTo(ReportFormat.JUNIT);
        assertThat(ReportFormat.JSON).hasToString("json");
        assertThat(Map.of("a", 1)).isNotEmpty();
    }

    private static JsonNode find(JsonNode results, String id) {
        return results.valueStream().filter(r -> r.get("id").asString().equals(id)).findFirst().orElseThrow();
    }

    private static JsonNode only(JsonNode results, String ruleId) {
        List<JsonNode> matching = results.valueStream().filter(r -> r.get("ruleId").asString().equals(ruleId)).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    private static Element testcase(Document xml, String id) {
        NodeList cases = xml.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element e = (Element) cases.item(i);
            if (e.getAttribute("name").startsWith(id + ":")) {
                return e;
            }
        }
        throw new AssertionError("no testcase " + id);
    }
}
