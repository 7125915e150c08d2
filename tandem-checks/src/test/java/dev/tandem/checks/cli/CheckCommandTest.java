package dev.tandem.checks.cli;

import dev.tandem.checks.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tandem check} through picocli, as a CI pipeline runs it: exit codes, formats, output files. */
class CheckCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new CheckCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private static String resource(String name) {
        return Fixtures.path(name).toString();
    }

    @Test
    void exitsZeroWhenEveryRequiredCheckPasses() {
        assertThat(run(resource("manifests/good/app.yaml"), "--level", "A")).isZero();
        assertThat(out.toString()).contains("Level A met.");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void exitsOneWhenARequiredCheckFails() {
        assertThat(run(resource("manifests/checks/k8s.probes.readiness/fail.yaml"))).isEqualTo(1);
        assertThat(out.toString()).contains("Level B not met").contains("k8s.probes.readiness");
    }

    @Test
    void aFailureTheLevelOnlyRecommendsDoesNotFailTheRun() throws IOException {
        Path manifest = dir.resolve("unspread.yaml");
        String good = Fixtures.text("manifests/good/app.yaml");
        String unspread = good.substring(0, good.indexOf("      topologySpreadConstraints:"))
                + good.substring(good.indexOf("      containers:"));
        Files.writeString(manifest, unspread);
        assertThat(run(manifest.toString(), "--level", "B")).isZero(); // k8s.spread is recommended at B
        assertThat(out.toString()).contains("FAIL    k8s.spread").contains("Level B met.");
        assertThat(run(manifest.toString(), "--level", "A")).isEqualTo(1); // and required at A
        assertThat(out.toString()).contains("Level A not met: 1 required check fails (k8s.spread)");
    }

    @Test
    void exemptFailuresCountAsPassing() throws IOException {
        Path manifest = dir.resolve("exempt.yaml");
        String good = Fixtures.text("manifests/good/app.yaml")
                .replace("image: registry.example.com:5000/shop/web:1.4.2", "image: shop/web:latest")
                .replace("  labels:\n    app.kubernetes.io/name: web\nspec:", "  labels:\n    app.kubernetes.io/name: web\n  annotations:\n    tandem.dev/ignore: k8s.image.pinned\n    tandem.dev/ignore-reason: pinned by the deploy tool\nspec:");
        Files.writeString(manifest, good);
        assertThat(run(manifest.toString(), "--level", "A")).isZero();
        assertThat(out.toString()).contains("EXEMPT  k8s.image.pinned").contains("exempt: pinned by the deploy tool");
    }

    @Test
    void malformedYamlExitsTwoNamingFileAndLine() {
        String file = resource("manifests/malformed/unclosed.yaml");
        assertThat(run(file)).isEqualTo(2);
        assertThat(err.toString()).startsWith(file.replace('\\', '/') + ":11: not valid YAML");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required parameter");
        assertThat(run(resource("manifests/good/app.yaml"), "--level", "D")).isEqualTo(2);
        assertThat(err.toString()).contains("expected A, B or C but was 'D'");
        assertThat(run(resource("manifests/good/app.yaml"), "--format", "xml")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown format 'xml'");
        assertThat(run(dir.resolve("missing.yaml").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("missing.yaml: no such file or directory");
    }

    @Test
    void helpAndVersionExitZero() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("tandem check ").doesNotContain("@");
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("--level=A|B|C").contains("--format=FORMAT");
    }

    @Test
    void writesTheReportToAFileAndASummaryToStandardOutput() throws IOException {
        Path report = dir.resolve("reports/tandem.sarif");
        assertThat(run(resource("manifests/checks/k8s.image.pinned/fail.yaml"), "--format", "sarif", "--output", report.toString())).isEqualTo(1);
        JsonNode sarif = JsonMapper.builder().build().readTree(Files.readString(report));
        assertThat(sarif.get("version").asString()).isEqualTo("2.1.0");
        assertThat(out.toString()).startsWith("Level B not met").contains("Report (sarif): " + report);
    }

    @Test
    void aDirectoryIsCheckedAsManifestsAndAsARepository() throws IOException {
        Files.createDirectories(dir.resolve("deploy"));
        Files.writeString(dir.resolve("deploy/app.yaml"), Fixtures.text("manifests/good/app.yaml"));
        assertThat(run(dir.toString(), "--format", "json")).isEqualTo(1); // no CI, CODEOWNERS or runbook yet
        JsonNode json = JsonMapper.builder().build().readTree(out.toString());
        assertThat(json.path("summary").path("requiredFailing").valueStream().map(JsonNode::asString))
                .containsExactly("repo.codeowners", "repo.runbook", "repo.ci");

        Files.writeString(dir.resolve("Dockerfile"), "FROM eclipse-temurin:17.0.12_7-jre\nUSER 10001\n");
        Files.writeString(dir.resolve(".dockerignore"), ".git\n");
        Files.createDirectories(dir.resolve(".github/workflows"));
        Files.writeString(dir.resolve(".github/workflows/ci.yml"), "on: push\njobs: {}\n");
        Files.writeString(dir.resolve(".github/CODEOWNERS"), "* @shop/web\n");
        Files.writeString(dir.resolve(".github/dependabot.yml"), "version: 2\n");
        Files.writeString(dir.resolve("RUNBOOK.md"), "# Runbook\n");
        StringWriter fresh = new StringWriter();
        CommandLine cli = new CommandLine(new CheckCommand());
        cli.setOut(new PrintWriter(fresh));
        assertThat(cli.execute(dir.toString(), "--level", "A")).isZero();
        assertThat(fresh.toString()).contains("Level A met.");

        StringWriter manifestsOnly = new StringWriter();
        cli = new CommandLine(new CheckCommand());
        cli.setOut(new PrintWriter(manifestsOnly));
        assertThat(cli.execute(dir.toString(), "--no-repository", "--format", "junit")).isZero();
        assertThat(manifestsOnly.toString()).contains("tests=\"19\"").doesNotContain("repo.");
    }

    @Test
    void onlyGitWorkTreesOrElseTheFirstDirectoryAreCheckedAsRepositories() throws IOException {
        java.nio.file.Path repo = java.nio.file.Files.createDirectories(dir.resolve("repo"));
        java.nio.file.Path deploy = java.nio.file.Files.createDirectories(dir.resolve("deploy"));
        org.assertj.core.api.Assertions.assertThat(CheckCommand.repositoryRoots(java.util.List.of(repo, deploy)))
                .containsExactly(repo);
        java.nio.file.Files.createDirectories(deploy.resolve(".git"));
        org.assertj.core.api.Assertions.assertThat(CheckCommand.repositoryRoots(java.util.List.of(repo, deploy)))
                .containsExactly(deploy);
        org.assertj.core.api.Assertions.assertThat(CheckCommand.repositoryRoots(java.util.List.of(dir.resolve("x.yaml"))))
                .isEmpty();
    }
}
