package dev.tandem.checks.repository;

import dev.tandem.checks.Analysis;
import dev.tandem.checks.CheckResult;
import dev.tandem.checks.Exemption;
import dev.tandem.checks.Exemptions;
import dev.tandem.checks.Finding;
import dev.tandem.checks.ObjectRef;
import dev.tandem.checks.Outcome;
import dev.tandem.checks.RepositoryAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every repository check on a repository that passes it and one that fails it, built in a temporary directory. */
class RepositoryChecksTest {

    @TempDir
    Path dir;

    private Analysis analyze(Map<String, String> files) throws IOException {
        return analyze(files, Exemptions.none());
    }

    private Analysis analyze(Map<String, String> files, Exemptions exemptions) throws IOException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        return new RepositoryAnalyzer().analyze(dir, exemptions);
    }

    private static CheckResult result(Analysis analysis, String id) {
        return analysis.result(id).orElseThrow();
    }

    private static Map<String, String> files(String... pathThenContent) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pathThenContent.length; i += 2) {
            map.put(pathThenContent[i], pathThenContent[i + 1]);
        }
        return map;
    }

    private String at(String relative) {
        return dir.resolve(relative).normalize().toString().replace('\\', '/');
    }

    @Test
    void aWellKeptRepositoryPassesEveryCheck() throws IOException {
        Analysis analysis = analyze(files(
                "Dockerfile", "FROM maven:3.9.9-eclipse-temurin-17 AS build\nRUN mvn package\n"
                        + "FROM eclipse-temurin:17.0.12_7-jre\nCOPY --from=build /app.jar /app.jar\nUSER 10001\n",
                ".dockerignore", ".git\ntarget\n",
                ".github/dependabot.yml", "version: 2\n",
                ".github/CODEOWNERS", "* @shop/web-team\n",
                "docs/runbook.md", "# Runbook\n",
                ".github/workflows/ci.yml", "on: push\n"));
        assertThat(analysis.results()).hasSize(7).allSatisfy(r -> assertThat(r.outcome()).as(r.checkId() + r.findings()).isEqualTo(Outcome.PASS));
        Finding user = result(analysis, "repo.dockerfile.non-root").findings().get(0);
        assertThat(user.message()).isEqualTo("the final stage runs as 10001");
        assertThat(user.location().file()).isEqualTo(at("Dockerfile"));
        assertThat(user.location().line()).isEqualTo(5);
        assertThat(user.object()).isEqualTo(ObjectRef.of("Dockerfile", null, "Dockerfile"));
    }

    @Test
    void anEmptyRepositoryFailsTheProjectChecksAndHasNoDockerfileToJudge() throws IOException {
        Analysis analysis = analyze(files("README.md", "hello\n"));
        assertThat(result(analysis, "repo.dockerfile.non-root").outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(result(analysis, "repo.dockerfile.pinned-base").outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(result(analysis, "repo.dockerignore").outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(result(analysis, "repo.dependency-updates").findings().get(0).message()).isEqualTo("no Dependabot or Renovate configuration found");
        assertThat(result(analysis, "repo.codeowners").findings().get(0).message()).isEqualTo("no CODEOWNERS file");
        assertThat(result(analysis, "repo.runbook").findings().get(0).message()).isEqualTo("no runbook or playbook documents found");
        Finding ci = result(analysis, "repo.ci").findings().get(0);
        assertThat(ci.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(ci.message()).isEqualTo("no CI configuration found");
        assertThat(ci.location().file()).isEqualTo(at(".github/workflows/ci.yml")); // where to add it
        assertThat(ci.object().kind()).isEqualTo("Repository");
        assertThat(ci.object().name()).isEqualTo(dir.getFileName().toString());
    }

    @Test
    void dockerfileWithoutUserOrWithRootFails() throws IOException {
        Analysis analysis = analyze(files(
                "Dockerfile", "FROM alpine:3.20\nRUN adduser -D app\n",
                "api/Dockerfile", "FROM alpine:3.20\nUSER app\nRUN echo\nUSER root:root\n",
                "worker.Dockerfile", "FROM alpine:3.20\nUSER 0\n"));
        assertThat(result(analysis, "repo.dockerfile.non-root").findings())
                .extracting(f -> f.object().name() + ":" + f.location().line() + ":" + f.message())
                .containsExactly(
                        "Dockerfile:1:the final stage sets no USER, so the container runs as the base image's user (root for most images)",
                        "api/Dockerfile:4:the final stage runs as root (USER root:root)",
                        "worker.Dockerfile:2:the final stage runs as root (USER 0)");
    }

    @Test
    void theUserOfAnEarlierStageCarriesOverAndVariablesResolve() throws IOException {
        Analysis analysis = analyze(files(
                "Dockerfile", "FROM alpine:3.20 AS base\nARG UID=10001\nUSER ${UID}\nFROM base\nCOPY app /app\n",
                "b/Dockerfile", "FROM alpine:3.20\nARG APP_USER\nUSER $APP_USER\n"));
        assertThat(result(analysis, "repo.dockerfile.non-root").findings())
                .extracting(f -> f.outcome() + " " + f.message())
                .containsExactly("PASS the final stage runs as 10001",
                        "PASS USER $APP_USER depends on build argument APP_USER, which has no default; Tandem cannot tell the user and assumes it is not root");
    }

    @Test
    void unpinnedBaseImagesFailAndStagesScratchAndPinnedArgumentsPass() throws IOException {
        Analysis analysis = analyze(files("Dockerfile", """
                ARG BASE=eclipse-temurin:17-jre
                ARG TOOLS
                FROM golang AS build
                FROM node:latest AS web
                FROM ${TOOLS} AS tools
                FROM scratch AS empty
                FROM build AS test
                FROM ${BASE}
                FROM gcr.io/distroless/static@sha256:5e1f3b2c
                """));
        assertThat(result(analysis, "repo.dockerfile.pinned-base").findings())
                .extracting(f -> f.outcome() + " " + f.location().line() + " " + f.message())
                .containsExactly(
                        "FAIL 3 FROM golang: no tag, which means latest",
                        "FAIL 4 FROM node:latest: the latest tag moves with every push",
                        "FAIL 5 FROM ${TOOLS}: build argument TOOLS has no default, so the base image is chosen at build time",
                        "PASS 6 FROM scratch",
                        "PASS 7 FROM build builds on an earlier stage",
                        "PASS 8 FROM ${BASE} (eclipse-temurin:17-jre) is pinned",
                        "PASS 9 FROM gcr.io/distroless/static@sha256:5e1f3b2c is pinned");
    }

    @Test
    void dockerignoreBesideTheDockerfileAtTheRootOrNamedAfterIt() throws IOException {
        Analysis analysis = analyze(files(
                "a/Dockerfile", "FROM alpine:3.20\n", "a/.dockerignore", ".git\n",
                "b/Dockerfile", "FROM alpine:3.20\n", "b/Dockerfile.dockerignore", ".git\n",
                "c/Containerfile", "FROM alpine:3.20\n"));
        assertThat(result(analysis, "repo.dockerignore").findings())
                .extracting(f -> f.outcome() + " " + f.message())
                .containsExactly("PASS builds with a/.dockerignore", "PASS builds with b/Dockerfile.dockerignore",
                        "FAIL no .dockerignore next to c/Containerfile or at the repository root");
    }

    @Test
    void renovateInPackageJsonCounts() throws IOException {
        Analysis analysis = analyze(files("package.json", "{\"name\": \"x\", \"renovate\": {\"extends\": [\"config:recommended\"]}}"));
        assertThat(result(analysis, "repo.dependency-updates").findings().get(0).message()).isEqualTo("Renovate is configured in package.json");
    }

    @Test
    void renovateElsewhere() throws IOException {
        Analysis analysis = analyze(files(".gitlab/renovate.json5", "{}"));
        assertThat(result(analysis, "repo.dependency-updates").outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void codeownersNeedsARule() throws IOException {
        Analysis analysis = analyze(files("docs/CODEOWNERS", "# owners to be decided\n\n"));
        Finding f = result(analysis, "repo.codeowners").findings().get(0);
        assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(f.message()).isEqualTo("docs/CODEOWNERS has no ownership rules");
    }

    @Test
    void runbooksInTheirUsualPlaces() {
        assertThat(ProjectChecks.Runbook.isRunbook("RUNBOOK.md")).isTrue();
        assertThat(ProjectChecks.Runbook.isRunbook("docs/runbook-database.adoc")).isTrue();
        assertThat(ProjectChecks.Runbook.isRunbook("runbooks/high-latency.md")).isTrue();
        assertThat(ProjectChecks.Runbook.isRunbook("ops/playbooks/failover.md")).isTrue();
        assertThat(ProjectChecks.Runbook.isRunbook("docs/PLAYBOOK.md")).isTrue();
        assertThat(ProjectChecks.Runbook.isRunbook("docs/architecture.md")).isFalse();
        assertThat(ProjectChecks.Runbook.isRunbook("src/books/run.md")).isFalse();
    }

    @Test
    void everyKnownCiSystemIsRecognised() {
        String[] configs = {".github/workflows/build.yaml", ".gitlab-ci.yml", "Jenkinsfile", "ci/Jenkinsfile.release",
                ".circleci/config.yml", "azure-pipelines.yml", ".buildkite/pipeline.yml", "bitbucket-pipelines.yml",
                ".drone.yml", ".tekton/push.yaml", "tekton/pipeline.yaml", ".travis.yml", ".woodpecker/build.yml"};
        for (String config : configs) {
            RepositoryFiles repo = RepositoryFiles.of(Path.of("r"), java.util.List.of("README.md", config));
            assertThat(ProjectChecks.Ci.configurations(repo)).as(config).containsExactly(config);
        }
        assertThat(ProjectChecks.Ci.configurations(RepositoryFiles.of(Path.of("r"), java.util.List.of(".github/workflows/README.md")))).isEmpty();
    }

    @Test
    void theWalkSkipsGitDependenciesAndTestFixturesButNotHiddenConfiguration() throws IOException {
        analyze(files(".git/config", "x", "node_modules/a/Dockerfile", "FROM x\n", "src/test/resources/Dockerfile", "FROM y\n",
                ".github/CODEOWNERS", "* @a\n", "src/main/Dockerfile", "FROM z:1\nUSER 1\n"));
        assertThat(RepositoryFiles.scan(dir).files()).containsExactly(".github/CODEOWNERS", "src/main/Dockerfile");
    }

    @Test
    void callerExemptionsApplyToRepositoryFindings() throws IOException {
        Analysis analysis = analyze(files("README.md", "x"), Exemptions.of(new Exemption("repo.runbook", null, "Runbooks live in the wiki")));
        CheckResult runbook = result(analysis, "repo.runbook");
        assertThat(runbook.outcome()).isEqualTo(Outcome.EXEMPT);
        assertThat(runbook.findings().get(0).exemptionReason()).isEqualTo("Runbooks live in the wiki");
    }

    @Test
    void aFileIsNotARepository() throws IOException {
        Files.writeString(dir.resolve("x.yaml"), "a: b\n");
        assertThatThrownBy(() -> new RepositoryAnalyzer().analyze(dir.resolve("x.yaml")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith("x.yaml: not a directory");
    }
}
