package dev.tandem.readiness;

import dev.tandem.support.Api;
import dev.tandem.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static dev.tandem.readiness.ReadinessFixture.status;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Facts from collectors and pipelines, the checks they answer, exemptions, checklists as versioned YAML
 * and scorecards, through the API.
 */
@IntegrationTest
class FactsAndScorecardsIT {

    @LocalServerPort
    int port;

    private ReadinessFixture f;

    @BeforeEach
    void setUp() {
        f = new ReadinessFixture(port);
    }

    private static JsonNode check(JsonNode readiness, String id) {
        for (JsonNode c : readiness.get("checks")) {
            if (c.get("check").get("id").asString().equals(id)) {
                return c.get("result");
            }
        }
        throw new AssertionError("no check " + id + " in " + readiness.get("checks").findValuesAsString("id"));
    }

    @Test
    void refreshCollectsManifestRepositoryAndCatalogFactsAndChecksAnswerItems() {
        String service = "rdy-shop";
        if (f.admin.get("/api/v1/services/" + service).status() == 404) {
            status(f.admin.post("/api/v1/services", Api.json(Map.of("name", service, "owner", f.team,
                    "readinessLevel", "B", "lifecycle", "production", "type", "service"))), 201);
        }
        status(f.as("viewer").post("/api/v1/services/" + service + "/facts/refresh", ""), 403);
        JsonNode result = status(f.as("sre1").post("/api/v1/services/" + service + "/facts/refresh", ""), 200).json();
        assertThat(result.get("errors").size()).as(result.toString()).isZero();
        assertThat(result.get("facts").get("kubernetes").asInt()).isGreaterThanOrEqualTo(19);
        assertThat(result.get("facts").get("repository").asInt()).isEqualTo(7);
        assertThat(result.get("facts").get("catalog").asInt()).isEqualTo(5);

        JsonNode r = f.readiness(service);
        assertThat(check(r, "k8s.image.pinned").get("status").asString()).isEqualTo("FAIL");
        assertThat(check(r, "k8s.image.pinned").get("message").asString()).contains("deploy.yaml");
        assertThat(check(r, "k8s.probes.readiness").get("status").asString()).isEqualTo("PASS");
        assertThat(check(r, "k8s.hpa.target-exists").get("status").asString()).isEqualTo("NOT_APPLICABLE");
        assertThat(check(r, "repo.codeowners").get("status").asString()).isEqualTo("PASS");
        assertThat(check(r, "repo.dependency-updates").get("status").asString()).isEqualTo("FAIL");
        assertThat(check(r, "catalog.on-call").get("status").asString()).isEqualTo("PASS");
        assertThat(check(r, "catalog.runbook").get("status").asString()).isEqualTo("FAIL");
        assertThat(check(r, "slo.defined").get("status").asString()).isEqualTo("FAIL");

        // an item bound to the image check is failed by it, with the check as the reason
        JsonNode pinned = null;
        for (JsonNode item : r.get("items")) {
            if (item.get("item").get("checks").findValuesAsString("").isEmpty()
                    && item.get("item").get("checks").toString().contains("k8s.image.pinned")) {
                pinned = item;
            }
        }
        assertThat(pinned).as("an item bound to k8s.image.pinned").isNotNull();
        assertThat(pinned.get("state").asString()).isEqualTo("FAILED");
        assertThat(pinned.get("automatic").asBoolean()).isTrue();

        // an exemption (SREs only, with a reason and an end) turns the failure into a visible exemption
        Map<String, Object> grant = Map.of("checkId", "k8s.image.pinned", "reason", "Image pinned by digest at deploy time",
                "expiresAt", Instant.now().plus(30, ChronoUnit.DAYS).toString());
        status(f.as("member").post("/api/v1/services/" + service + "/exemptions", Api.json(grant)), 403);
        status(f.as("sre1").post("/api/v1/services/" + service + "/exemptions", Api.json(Map.of("checkId", "k8s.image.pinned",
                "reason", "x", "expiresAt", Instant.now().plus(400, ChronoUnit.DAYS).toString()))), 400);
        status(f.as("sre1").post("/api/v1/services/" + service + "/exemptions", Api.json(Map.of("checkId", "no.such",
                "reason", "x", "expiresAt", Instant.now().plus(3, ChronoUnit.DAYS).toString()))), 400);
        JsonNode exemption = status(f.as("sre1").post("/api/v1/services/" + service + "/exemptions", Api.json(grant)), 201).json();
        assertThat(exemption.get("approver").asString()).isEqualTo(f.username("sre1"));
        JsonNode exempt = check(f.readiness(service), "k8s.image.pinned");
        assertThat(exempt.get("status").asString()).isEqualTo("EXEMPT");
        assertThat(exempt.get("exemptionReason").asString()).contains("pinned by digest").contains(f.username("sre1"));
        status(f.as("sre1").delete("/api/v1/services/" + service + "/exemptions/k8s.image.pinned"), 204);
        assertThat(check(f.readiness(service), "k8s.image.pinned").get("status").asString()).isEqualTo("FAIL");
    }

    @Test
    void pipelinesPushFactsAllOrNothingAndTheyExpire() {
        String service = f.service("facts", "B");
        String path = "/api/v1/services/" + service + "/facts";
        Api.Response bad = status(f.as("member").post(path, Api.json(List.of(
                Map.of("key", "load-test", "outcome", "pass"),
                Map.of("key", "Bad Key", "outcome", "pass"),
                Map.of("key", "coverage"),
                Map.of("key", "latency", "value", 120, "ttl", "400d"),
                Map.of("key", "smoke", "outcome", "maybe")))), 400);
        assertThat(bad.body()).contains("facts[1].key", "facts[2]", "facts[3].ttl", "facts[4].outcome");
        assertThat(f.admin.get(path).json()).isEmpty();
        status(f.as("outsider").post(path, Api.json(List.of(Map.of("key", "load-test", "outcome", "pass")))), 403);

        JsonNode stored = status(f.as("member").post(path, Api.json(List.of(
                Map.of("key", "load-test", "outcome", "pass", "details", "p99 180 ms", "ttl", "24h"),
                Map.of("key", "coverage", "value", 83.5),
                Map.of("key", "short-lived", "outcome", "fail", "ttl", "1s")))), 200).json();
        assertThat(stored.findValuesAsString("source")).containsOnly("push:" + f.username("member"));
        JsonNode facts = f.admin.get(path).json();
        assertThat(facts.findValuesAsString("key")).containsExactly("coverage", "load-test", "short-lived");
        JsonNode coverage = facts.get(0);
        assertThat(coverage.get("value").asDouble()).isEqualTo(83.5);
        assertThat(Instant.parse(coverage.get("expiresAt").asString()))
                .isBetween(Instant.now().plus(6, ChronoUnit.DAYS), Instant.now().plus(8, ChronoUnit.DAYS));

        JsonNode r = f.readiness(service);
        assertThat(check(r, "fact.load-test").get("status").asString()).isEqualTo("PASS");
        assertThat(check(r, "fact.load-test").get("message").asString()).isEqualTo("p99 180 ms");
        // the fact with a one-second life no longer answers once it has expired
        long deadline = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < deadline
                && f.readiness(service).get("checks").toString().contains("fact.short-lived")) {
            sleep(250);
        }
        assertThat(f.readiness(service).get("checks").toString()).doesNotContain("fact.short-lived");
    }

    @Test
    void checklistsAreVersionedYamlAndAReviewKeepsItsVersion() {
        String name = "mini-" + f.run;
        String v1 = """
                apiVersion: tandem.dev/v1
                kind: Checklist
                metadata: {name: %s, title: Mini}
                spec:
                  categories: [{id: general, title: General}]
                  items:
                    - {id: owner, phase: design, category: general, title: An owner, levels: {A: required, B: required, C: required}, checks: [catalog.owner]}
                """.formatted(name);
        status(f.as("sre1").postYaml("/api/v1/checklists/import", v1), 403);
        Api.Response badImport = status(f.admin.postYaml("/api/v1/checklists/import", v1.replace("catalog.owner", "no.such")), 400);
        assertThat(badImport.json().get("errors").get(0).get("path").asString()).isEqualTo("spec.items[0].checks[0]");
        assertThat(badImport.json().get("errors").get(0).get("line").asInt()).isEqualTo(7);
        assertThat(f.admin.get("/api/v1/checklists/" + name).status()).isEqualTo(404);

        JsonNode first = status(f.admin.postYaml("/api/v1/checklists/import", v1), 200).json();
        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(first.get("created").asBoolean()).isTrue();
        JsonNode same = status(f.admin.postYaml("/api/v1/checklists/import", v1 + "\n# only a comment\n"), 200).json();
        assertThat(same.get("created").asBoolean()).isFalse();

        String service = f.service("versioned", "C");
        status(f.as("member").post("/api/v1/services/" + service + "/readiness/review",
                Api.json(Map.of("checklist", name))), 201);
        String v2 = v1.replace("An owner", "A named owner");
        assertThat(status(f.admin.postYaml("/api/v1/checklists/import", v2), 200).json().get("version").asInt()).isEqualTo(2);
        JsonNode r = f.readiness(service);
        assertThat(r.get("checklistVersion").asInt()).isEqualTo(1);
        assertThat(r.get("latestChecklistVersion").asInt()).isEqualTo(2);
        assertThat(r.get("items").get(0).get("item").get("title").asString()).isEqualTo("An owner");
        assertThat(f.admin.get("/api/v1/checklists/" + name + "/versions").json().findValuesAsString("version"))
                .containsExactly("2", "1");
        Api.Response export = f.admin.get("/api/v1/checklists/" + name + "/export?version=1");
        assertThat(export.body()).isEqualTo(v1);
        assertThat(f.admin.get("/api/v1/checklists").json().findValuesAsString("name")).contains("default", name);
        assertThat(f.admin.get("/api/v1/checks").json().findValuesAsString("id")).contains("k8s.pdb.present", "repo.ci",
                "catalog.owner", "slo.defined");
    }

    @Test
    void scorecardsRankServicesAndRollUpPerTeam() {
        String bronzeOnly = f.service("card-a", "B");
        String silver = f.service("card-b", "B");
        String other = f.service("card-c", "C");
        for (String s : List.of(bronzeOnly, silver, other)) {
            status(f.as("member").post("/api/v1/services/" + s + "/facts", Api.json(List.of(
                    Map.of("key", "catalog.owner", "outcome", "pass")))), 200);
        }
        status(f.as("member").post("/api/v1/services/" + silver + "/facts", Api.json(List.of(
                Map.of("key", "coverage", "value", 91), Map.of("key", "load-test", "outcome", "pass")))), 200);
        status(f.as("member").post("/api/v1/services/" + bronzeOnly + "/facts", Api.json(List.of(
                Map.of("key", "coverage", "value", 40)))), 200);
        String card = """
                apiVersion: tandem.dev/v1
                kind: Scorecard
                metadata: {name: quality-%s, title: Quality}
                spec:
                  filter: {owners: [%s], levels: [B]}
                  rules:
                    - {id: coverage-80, title: Coverage at least 80 %%, fact: coverage, operator: ">=", value: 80}
                  levels:
                    - {name: Bronze, checks: [catalog.owner]}
                    - {name: Silver, checks: [coverage-80, fact.load-test]}
                """.formatted(f.run, f.team);
        status(f.as("sre1").postYaml("/api/v1/scorecards/import", card), 403);
        status(f.admin.postYaml("/api/v1/scorecards/import", card.replace("catalog.owner", "nope")), 400);
        JsonNode saved = status(f.admin.postYaml("/api/v1/scorecards/import", card), 200).json();
        String name = saved.get("name").asString();

        JsonNode rollup = f.admin.get("/api/v1/scorecards/" + name + "/rollup").json();
        assertThat(rollup.get("levels").findValuesAsString("")).isEmpty();
        JsonNode org = rollup.get("organisation").get("counts");
        assertThat(org.get(0).asInt()).isZero();
        assertThat(org.get(1).asInt()).isEqualTo(1);
        assertThat(org.get(2).asInt()).isEqualTo(1);
        assertThat(rollup.get("teams").get(0).get("team").asString()).isEqualTo(f.team);

        JsonNode standing = f.readiness(silver).get("scorecards").get(0);
        assertThat(standing.get("level").asString()).isEqualTo("Silver");
        JsonNode lower = f.readiness(bronzeOnly).get("scorecards").get(0);
        assertThat(lower.get("level").asString()).isEqualTo("Bronze");
        assertThat(lower.get("nextLevelFailing").findValuesAsString("")).isEmpty();
        assertThat(lower.get("nextLevelFailing").toString()).contains("coverage-80", "fact.load-test");
        assertThat(f.readiness(other).get("scorecards")).isEmpty();

        // a fact pushed later moves the service up at once
        status(f.as("member").post("/api/v1/services/" + bronzeOnly + "/facts", Api.json(List.of(
                Map.of("key", "coverage", "value", 85), Map.of("key", "load-test", "outcome", "pass")))), 200);
        JsonNode after = f.admin.get("/api/v1/scorecards/" + name + "/rollup").json().get("organisation").get("counts");
        assertThat(after.get(2).asInt()).isEqualTo(2);
        assertThat(f.admin.get("/api/v1/scorecards/" + name + "/history").json().size()).isEqualTo(1);

        // replacing needs the current version
        status(f.admin.postYaml("/api/v1/scorecards/import?version=" + (saved.get("version").asInt() + 5),
                card.replace("Quality", "Quality 2")), 409);
        status(f.admin.postYaml("/api/v1/scorecards/import?version=" + saved.get("version").asInt(),
                card.replace("Quality", "Quality 2")), 200);
        assertThat(f.admin.get("/api/v1/scorecards/" + name).json().get("title").asString()).isEqualTo("Quality 2");
        status(f.admin.delete("/api/v1/scorecards/" + name), 204);
        status(f.admin.get("/api/v1/scorecards/" + name), 404);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
