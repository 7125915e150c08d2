package dev.tandem.slo;

import dev.tandem.shared.DocumentProblem;
import dev.tandem.slo.format.SloFiles;
import dev.tandem.slo.format.SloImport;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SloFileSetTest {

    private static String openSlo(String name, String service) {
        return SloFixture.builtIn(name, service, "0.99", null);
    }

    private static final String SLOTH = """
            version: "prometheus/v1"
            service: "api"
            slos:
              - name: "requests"
                objective: 99.5
                sli:
                  events:
                    error_query: sum(rate(errors_total[{{.window}}]))
                    total_query: sum(rate(requests_total[{{.window}}]))
            """;

    private static SloFileSet read(Map<Path, String> files) {
        return SloFileSet.read(files);
    }

    @Test
    void filesAreJoinedIntoOneTextTheEngineReadsWithoutEmptyDocuments() {
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(Path.of("a.yaml"), openSlo("a", "web"));
        files.put(Path.of("b.yaml"), "# leading comment\n---\n" + openSlo("b", "web"));
        files.put(Path.of("c.yaml"), SLOTH);
        SloFileSet set = read(files);
        assertThat(set.problems()).isEmpty();
        assertThat(set.valid()).isTrue();

        SloImport joined = SloFiles.read(set.text());
        assertThat(joined.problems()).isEmpty();
        assertThat(joined.slos()).extracting(SloDefinition::name).containsExactly("a", "b", "api-requests");
        // the Sloth SLO reads the same through the join as on its own
        SloDefinition alone = SloFiles.read(SLOTH).slos().get(0);
        assertThat(joined.slos().get(2)).isEqualTo(alone);
    }

    @Test
    void aProblemInTheJoinedTextIsLocatedInItsOwnFileAndDocument() {
        Map<Path, String> files = new LinkedHashMap<>();
        String a = openSlo("a", "web");
        String b = openSlo("b", "web") + "---\n" + openSlo("b2", "nowhere");
        files.put(Path.of("a.yaml"), a);
        files.put(Path.of("b.yaml"), b);
        SloFileSet set = read(files);
        List<String> lines = set.text().lines().toList();
        int joinedLine = lines.indexOf("  service: nowhere") + 1;
        int fileLine = b.lines().toList().indexOf("  service: nowhere") + 1;
        assertThat(joinedLine).isGreaterThan(fileLine);

        String located = set.locate(new DocumentProblem(3, joinedLine, "SLO", "b2", "spec.service", "no service 'nowhere'"));
        assertThat(located).isEqualTo("b.yaml:" + fileLine + ": document 2 (SLO b2), spec.service: no service 'nowhere'");

        String byName = set.locate(new DocumentProblem(-1, null, "SLO", "a", "spec.service", "missing"));
        assertThat(byName).isEqualTo("a.yaml (SLO a), spec.service: missing");
    }

    @Test
    void aFileWithAProblemOrAnSloDefinedTwiceStopsEverythingBeforeAnythingIsSent() {
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(Path.of("a.yaml"), openSlo("a", "web"));
        files.put(Path.of("dup.yaml"), openSlo("a", "web"));
        files.put(Path.of("bad.yaml"), openSlo("c", "web").replace("target: 0.99", "target: 1.5"));
        SloFileSet set = read(files);
        assertThat(set.valid()).isFalse();
        assertThat(set.text()).as("nothing to send").isEmpty();
        String out = String.join("\n", set.problems());
        assertThat(out).contains("dup.yaml: SLO a is also defined in a.yaml");
        int line = openSlo("c", "web").lines().toList().indexOf("    - target: 0.99") + 1;
        assertThat(out).contains("bad.yaml:" + line + ": document 1 (SLO c), spec.objectives[0].target");
    }

    @Test
    void documentsAreCountedBySeparatorLinesAfterContent() {
        String text = "# c\n---\nkind: A\n---\nkind: B\n";
        assertThat(SloFileSet.documentAt(text, 3)).isEqualTo(1);
        assertThat(SloFileSet.documentAt(text, 5)).isEqualTo(2);
        assertThat(SloFileSet.startsWithDocumentMarker(text)).isTrue();
        assertThat(SloFileSet.startsWithDocumentMarker("kind: A\n---\n")).isFalse();
    }

    @Test
    void aServiceDocumentIsReadButWarnedAboutBecauseTheCatalogKeepsServices() {
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(Path.of("a.yaml"), "apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: web\nspec: {}\n---\n" + openSlo("a", "web"));
        SloFileSet set = read(files);
        assertThat(set.valid()).isTrue();
        assertThat(set.warnings()).containsExactly(
                "a.yaml: warning: Service web: not stored: services come from the catalog, which an SLO import does not change");
    }
}
