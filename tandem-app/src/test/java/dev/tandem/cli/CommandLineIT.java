package dev.tandem.cli;

import dev.tandem.Tandem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationHook;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.function.ThrowingSupplier;
import org.yaml.snakeyaml.Yaml;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code tandem} command line, run in-process exactly as {@link Tandem#main} runs it (without the
 * final {@code System.exit}), with standard output and error captured. No Spring test context: the
 * local commands start the application themselves, and a {@link SpringApplicationHook} records every
 * context they start, so the tests can tell that none of them is a web server.
 */
class CommandLineIT {

    private static final Path SAMPLE = Path.of("src/test/resources/catalog/sample-catalog-info.yaml");
    private static final String DATA_DIR = "tandem.data-dir";

    /** What one command did. */
    record Run(int exitCode, String out, String err, List<StartedContext> contexts) {
        String all() {
            return out + err;
        }
    }

    /** A Spring application a command started. */
    record StartedContext(WebApplicationType type, boolean webServerContext, int webServers, String datasourceUrl) {
    }

    @TempDir
    Path tmp;

    private final String previousDataDir = System.getProperty(DATA_DIR);

    @AfterEach
    void restoreDataDir() {
        if (previousDataDir == null) {
            System.clearProperty(DATA_DIR);
        } else {
            System.setProperty(DATA_DIR, previousDataDir);
        }
    }

    // --- help and validate: no database, no Spring ------------------------------------------------------

    @Test
    void helpExitsZeroAndListsTheCommands() {
        Run top = tandem("--help");
        assertThat(top.exitCode()).isZero();
        assertThat(top.out()).contains("Usage: tandem").contains("catalog").contains("serve");

        Run catalog = tandem("catalog", "--help");
        assertThat(catalog.exitCode()).isZero();
        assertThat(catalog.out()).contains("validate").contains("import").contains("export");

        assertThat(top.contexts()).isEmpty();
        assertThat(catalog.contexts()).isEmpty();
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        Run r = tandem("catalog", "frobnicate");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("frobnicate");
    }

    @Test
    void validateAcceptsTheSampleCatalog() throws IOException {
        long documents = kinds(Files.readString(SAMPLE)).size();
        assertThat(documents).isPositive();

        Run r = tandem("catalog", "validate", SAMPLE.toString());
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.out()).contains(SAMPLE + ": ok, " + documents + " entities");
        assertThat(r.contexts()).as("validate works offline").isEmpty();
    }

    @Test
    void validateNamesTheFileLineAndPathOfAProblem() throws IOException {
        String text = """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: fine-service
                spec:
                  type: service
                  lifecycle: production
                  owner: some-team
                ---
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: "not a valid name!"
                spec:
                  type: service
                  lifecycle: production
                  owner: some-team
                """;
        Path broken = tmp.resolve("broken-catalog-info.yaml");
        Files.writeString(broken, text);
        int line = lineOf(text, "name: \"not a valid name!\"");

        Run r = tandem("catalog", "validate", SAMPLE.toString(), broken.toString());
        assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
        assertThat(r.out()).contains(SAMPLE + ": ok");
        String problem = r.out().lines().filter(l -> l.startsWith(broken.toString())).findFirst().orElse("");
        assertThat(problem).as(r.out())
                .startsWith(broken + ":" + line + ": ")
                .contains("document 2")
                .contains("metadata.name");
        assertThat(r.out()).doesNotContain(broken + ": ok");
    }

    @Test
    void validateOfAMissingFileIsAUsageError() {
        Path missing = tmp.resolve("no-such-catalog-info.yaml");
        Run r = tandem("catalog", "validate", missing.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(missing.toString());
    }

    // --- import and export on the local database, without the web server --------------------------------

    @Test
    void importWritesTheLocalDatabaseWithoutAWebServerAndASecondImportChangesNothing() throws IOException {
        System.setProperty(DATA_DIR, tmp.toString());
        List<Map<String, Object>> documents = documents(Files.readString(SAMPLE));
        long locations = documents.stream().filter(d -> "Location".equals(d.get("kind"))).count();
        Set<String> entities = new LinkedHashSet<>();
        for (Map<String, Object> d : documents) {
            if (!"Location".equals(d.get("kind"))) {
                entities.add(d.get("kind") + ":" + name(d));
            }
        }
        assertThat(entities).isNotEmpty();

        Run first = tandem("catalog", "import", SAMPLE.toString());
        assertThat(first.exitCode()).as(first.all()).isZero();
        assertThat(first.out()).contains(entities.size() + " created, 0 updated, 0 unchanged, " + locations + " skipped");
        assertLocalWithoutWebServer(first);
        assertThat(tmp.resolve("tandem.mv.db")).exists();

        Run second = tandem("catalog", "import", SAMPLE.toString());
        assertThat(second.exitCode()).as(second.all()).isZero();
        assertThat(second.out()).contains("0 created, 0 updated, " + entities.size() + " unchanged, " + locations + " skipped");
        assertLocalWithoutWebServer(second);

        Run export = tandem("catalog", "export");
        assertThat(export.exitCode()).as(export.all()).isZero();
        assertLocalWithoutWebServer(export);
        Set<String> exported = new LinkedHashSet<>();
        for (Map<String, Object> d : documents(export.out().substring(export.out().indexOf("apiVersion:")))) {
            exported.add(d.get("kind") + ":" + name(d));
        }
        assertThat(exported).containsAll(entities);

        // the export is itself a valid file, and importing it changes nothing
        Path file = tmp.resolve("exported.yaml");
        Run toFile = tandem("catalog", "export", "-o", file.toString());
        assertThat(toFile.exitCode()).isZero();
        assertThat(tandem("catalog", "validate", file.toString()).exitCode()).isZero();
        Run reimport = tandem("catalog", "import", file.toString());
        assertThat(reimport.exitCode()).as(reimport.all()).isZero();
        assertThat(reimport.out()).contains("0 created, 0 updated");
    }

    @Test
    void aRefusedImportExitsOneNamesTheProblemAndWritesNothing() throws IOException {
        System.setProperty(DATA_DIR, tmp.toString());
        String text = """
                apiVersion: backstage.io/v1alpha1
                kind: Group
                metadata:
                  name: cli-team
                spec:
                  type: team
                  children: []
                ---
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: cli-orphan
                spec:
                  type: service
                  lifecycle: production
                  owner: no-such-team
                """;
        Path file = tmp.resolve("refused.yaml");
        Files.writeString(file, text);

        Run r = tandem("catalog", "import", file.toString());
        assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
        assertThat(r.err()).contains(file + ": nothing was imported").contains("spec.owner").contains("no-such-team");
        assertLocalWithoutWebServer(r);

        Run export = tandem("catalog", "export");
        assertThat(export.exitCode()).isZero();
        assertThat(export.out()).doesNotContain("cli-team").doesNotContain("cli-orphan");
    }

    @Test
    void importOfAMissingFileIsAUsageError() {
        System.setProperty(DATA_DIR, tmp.toString());
        Path missing = tmp.resolve("missing.yaml");
        Run r = tandem("catalog", "import", missing.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(missing + ": no such file");
        assertThat(r.contexts()).isEmpty();
    }

    // --- helpers ----------------------------------------------------------------------------------------

    private void assertLocalWithoutWebServer(Run r) {
        assertThat(r.contexts()).as("Spring applications started by the command").hasSize(1);
        StartedContext c = r.contexts().get(0);
        assertThat(c.type()).isEqualTo(WebApplicationType.NONE);
        assertThat(c.webServerContext()).isFalse();
        assertThat(c.webServers()).isZero();
        assertThat(c.datasourceUrl()).startsWith("jdbc:h2:file:" + tmp);
    }

    /** Runs the command line in this JVM, capturing its output and the Spring contexts it starts. */
    private static Run tandem(String... args) {
        List<StartedContext> contexts = new ArrayList<>();
        SpringApplicationHook hook = application -> new SpringApplicationRunListener() {
            @Override
            public void started(ConfigurableApplicationContext context, Duration timeTaken) {
                contexts.add(new StartedContext(application.getWebApplicationType(),
                        context instanceof WebServerApplicationContext, context.getBeanNamesForType(WebServer.class).length,
                        context.getEnvironment().getProperty("spring.datasource.url")));
            }
        };
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            ThrowingSupplier<Integer> command = () -> TandemCommand.run(Tandem.class, args);
            exit = SpringApplication.withHook(hook, command);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        Run run = new Run(exit, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8),
                List.copyOf(contexts));
        out.println("$ tandem " + String.join(" ", args) + "  -> exit " + exit);
        return run;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> documents(String yaml) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object d : new Yaml().loadAll(yaml)) {
            if (d instanceof Map<?, ?> map) {
                docs.add((Map<String, Object>) map);
            }
        }
        return docs;
    }

    private static List<String> kinds(String yaml) {
        return documents(yaml).stream().map(d -> String.valueOf(d.get("kind"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static String name(Map<String, Object> document) {
        return String.valueOf(((Map<String, Object>) document.get("metadata")).get("name"));
    }

    private static int lineOf(String text, String needle) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(needle);
    }
}
