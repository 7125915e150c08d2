package dev.tandem.slo;

import dev.tandem.support.Api;
import dev.tandem.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.tandem.slo.SloFixture.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The SLO registry, pushed events and status through the API, as clients see them. */
@IntegrationTest
class SloApiIT {

    @LocalServerPort
    int port;

    private SloFixture f;

    @BeforeEach
    void setUp() {
        f = new SloFixture(port);
    }

    @Test
    void aFileWithProblemsIsRefusedWholeWithDocumentLineAndPath() {
        String service = f.service("shop", "B");
        String good = SloFixture.builtIn("fine-" + f.run, service, "0.999", "team-a");
        String bad = SloFixture.builtIn("broken-" + f.run, service, "1.5", null);
        JsonNode problem = status(f.member().postYaml("/api/v1/slos/import", good + "---\n" + bad), 400).json();
        assertThat(problem.get("title").asString()).isEqualTo("Invalid document");
        JsonNode first = problem.get("errors").get(0);
        assertThat(first.get("index").asInt()).isEqualTo(1);
        assertThat(first.get("path").asString()).isEqualTo("spec.objectives[0].target");
        assertThat(first.get("line").asInt()).isGreaterThan(0);
        assertThat(first.get("message").asString()).contains("(0, 1)");
        status(f.admin.get("/api/v1/slos/fine-" + f.run), 404);

        String unknown = SloFixture.builtIn("orphan-" + f.run, "no-such-service-" + f.run, "0.99", null);
        JsonNode noService = status(f.member().postYaml("/api/v1/slos/import", good + "---\n" + unknown), 400).json();
        JsonNode p = noService.get("errors").get(0);
        assertThat(p.get("index").asInt()).isEqualTo(1);
        assertThat(p.get("path").asString()).isEqualTo("spec.service");
        assertThat(p.get("line").asInt()).isEqualTo(good.split("\n").length + 1 + 7);
        assertThat(p.get("message").asString()).contains("no-such-service-" + f.run);
        status(f.admin.get("/api/v1/slos/fine-" + f.run), 404);

        status(f.member().postYaml("/api/v1/slos/import", "   "), 400);
    }

    @Test
    void importIsIdempotentDryRunWritesNothingAndChangesAreAuditedAndVersioned() {
        String service = f.service("cart", "B");
        String name = "cart-avail-" + f.run;
        String yaml = SloFixture.builtIn(name, service, "0.999", "team-cart");

        JsonNode dry = status(f.member().postYaml("/api/v1/slos/import?dryRun=true", yaml), 200).json();
        assertThat(dry.get("dryRun").asBoolean()).isTrue();
        assertThat(dry.get("slos").get(0).get("outcome").asString()).isEqualTo("created");
        status(f.admin.get("/api/v1/slos/" + name), 404);
        // a Service document is read but not stored (the catalog keeps services), and the answer says so
        JsonNode withService = status(f.member().postYaml("/api/v1/slos/import?dryRun=true",
                "apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: " + service + "\nspec: {}\n---\n" + yaml), 200).json();
        assertThat(withService.get("warnings").toString()).contains("Service " + service + ": not stored");

        JsonNode created = status(f.member().postYaml("/api/v1/slos/import", yaml), 200).json();
        assertThat(created.get("slos").get(0).get("outcome").asString()).isEqualTo("created");
        JsonNode slo = status(f.admin.get("/api/v1/slos/" + name), 200).json();
        assertThat(slo.get("service").asString()).isEqualTo(service);
        assertThat(slo.get("ownerTeam").asString()).isEqualTo(f.team);
        assertThat(slo.get("owner").asString()).isEqualTo("team-cart");
        assertThat(slo.get("source").asString()).isEqualTo("TANDEM");
        assertThat(slo.get("version").asInt()).isZero();

        // the same content again, even reformatted, changes nothing
        JsonNode again = status(f.member().postYaml("/api/v1/slos/import", "# a comment\n" + yaml), 200).json();
        assertThat(again.get("slos").get(0).get("outcome").asString()).isEqualTo("unchanged");
        assertThat(status(f.admin.get("/api/v1/slos/" + name), 200).json().get("version").asInt()).isZero();

        JsonNode updated = status(f.member().postYaml("/api/v1/slos/import", yaml.replace("target: 0.999", "target: 0.995")), 200).json();
        assertThat(updated.get("slos").get(0).get("outcome").asString()).isEqualTo("updated");
        JsonNode after = status(f.admin.get("/api/v1/slos/" + name), 200).json();
        assertThat(after.get("version").asInt()).isEqualTo(1);
        assertThat(after.get("target").asDouble()).isEqualTo(0.995);

        // export gives an OpenSLO file that imports back unchanged
        Api.Response export = status(f.admin.get("/api/v1/slos/" + name + "/export"), 200);
        assertThat(export.body()).contains("apiVersion: openslo/v1").contains("kind: SLO").contains(name);
        assertThat(status(f.member().postYaml("/api/v1/slos/import", export.body()), 200).json()
                .get("slos").get(0).get("outcome").asString()).isEqualTo("unchanged");

        JsonNode audit = status(f.admin.get("/api/v1/audit?entityType=slo&entityName=" + name), 200).json();
        List<String> actions = new ArrayList<>();
        audit.get("items").forEach(e -> actions.add(e.get("action").asString()));
        assertThat(actions).containsExactly("update", "create");
    }

    @Test
    void outsidersAndViewersMayNotChangeAndMembersAndSresMay() {
        String service = f.service("pay", "B");
        String name = "pay-avail-" + f.run;
        String yaml = SloFixture.builtIn(name, service, "0.999", null);
        status(f.as("outsider").postYaml("/api/v1/slos/import", yaml), 403);
        status(f.as("viewer").postYaml("/api/v1/slos/import", yaml), 403);
        status(f.as("outsider").postYaml("/api/v1/slos/import?dryRun=true", yaml), 403);
        status(Api.at(port).postYaml("/api/v1/slos/import", yaml), 401);
        status(f.as("sre").postYaml("/api/v1/slos/import", yaml), 200);

        String points = SloFixture.points(5, 0, 100);
        status(f.as("outsider").post("/api/v1/slos/" + name + "/events", points), 403);
        status(f.as("viewer").post("/api/v1/slos/" + name + "/events", points), 403);
        status(f.member().post("/api/v1/slos/" + name + "/events", points), 200);
        status(f.as("viewer").get("/api/v1/slos/" + name + "/status"), 200);
        status(f.as("outsider").delete("/api/v1/slos/" + name + "?version=0"), 403);
        status(f.as("viewer").delete("/api/v1/slos/" + name + "?version=0"), 403);
        status(f.admin.get("/api/v1/slos/" + name), 200);

        // another team cannot take the SLO over by importing the same name for a service of its own
        String theirs = "their-svc-" + f.run;
        status(f.admin.post("/api/v1/services", dev.tandem.support.Api.json(java.util.Map.of("name", theirs,
                "owner", "other-" + f.team, "readinessLevel", "B", "lifecycle", "production", "type", "service"))), 201);
        status(f.as("outsider").postYaml("/api/v1/slos/import", SloFixture.builtIn(name, theirs, "0.99", null)), 403);
        assertThat(status(f.admin.get("/api/v1/slos/" + name), 200).json().get("service").asString()).isEqualTo(service);
    }

    @Test
    void aTwoPercentErrorRateOverTheLastHourBurnsAtTwentyAndPagesAndRePushingCountsOnce() {
        String service = f.service("search", "B");
        String name = "search-avail-" + f.run;
        status(f.member().postYaml("/api/v1/slos/import", SloFixture.builtIn(name, service, "0.999", "team-search")), 200);
        String points = SloFixture.points(60, 20, 1000);
        assertThat(status(f.member().post("/api/v1/slos/" + name + "/events", points), 200).json().get("points").asInt()).isEqualTo(60);
        status(f.member().post("/api/v1/slos/" + name + "/events", points), 200);

        Api.Response r = status(f.admin.get("/api/v1/slos/" + name + "/status"), 200);
        assertThat(r.body()).doesNotContain("NaN").doesNotContain("Infinity");
        JsonNode s = r.json();
        assertThat(s.get("dataState").asString()).isEqualTo("OK");
        assertThat(s.get("counts").get("total").asLong()).as("a minute pushed twice counts once").isEqualTo(60_000);
        assertThat(s.get("counts").get("bad").asLong()).isEqualTo(1_200);
        assertThat(s.get("sli").asDouble()).isCloseTo(0.98, within(1e-12));
        assertThat(s.get("objective").asDouble()).isEqualTo(0.999);
        assertThat(s.get("burnRates").get("1h").asDouble()).isCloseTo(20, within(1e-9));
        assertThat(s.get("burnRates").get("5m").asDouble()).isCloseTo(20, within(1e-9));
        assertThat(s.get("errorBudget").get("total").asDouble()).isEqualTo(1.0);
        assertThat(s.get("errorBudget").get("consumed").asDouble()).isCloseTo(20, within(1e-9));
        assertThat(s.get("errorBudget").get("remaining").asDouble()).isCloseTo(-19, within(1e-9));
        assertThat(s.get("timeToExhaustion").asString()).isEqualTo("PT0S");
        assertThat(s.get("policy").get("state").asString()).isEqualTo("EXHAUSTED");
        assertThat(s.get("policy").get("action").asString()).contains("Feature freeze");
        JsonNode page = null;
        for (JsonNode a : s.get("alerts")) {
            if (a.get("tier").asString().equals("page-1h")) {
                page = a;
            }
        }
        assertThat(page).isNotNull();
        assertThat(page.get("severity").asString()).isEqualTo("page");
        assertThat(page.get("firing").asBoolean()).isTrue();
        assertThat(page.get("factor").asDouble()).isEqualTo(14.4);
        assertThat(page.get("windows").toString()).isEqualTo("[\"1h\",\"5m\"]");

        // a batch with bad points is refused whole, naming each bad index in one answer: malformed points and
        // well-formed ones the store refuses (behind its minute horizon, in the future) alike
        String invalid = "[{\"timestamp\":\"2026-01-01T00:00:00Z\",\"good\":5,\"total\":10},"
                + "{\"timestamp\":\"2026-01-01T00:01:00Z\",\"good\":-1,\"total\":10},"
                + "{\"timestamp\":\"2026-01-01T00:02:00Z\",\"good\":1,\"bad\":1,\"total\":10},"
                + "{\"good\":1,\"total\":10},"
                + "{\"timestamp\":\"2999-01-01T00:00:00Z\",\"good\":5,\"total\":10},"
                + "{\"timestamp\":\"" + Instant.now().minusSeconds(120) + "\",\"good\":5,\"total\":10}]";
        JsonNode refused = status(f.member().post("/api/v1/slos/" + name + "/events", invalid), 400).json();
        assertThat(refused.get("errors").findValuesAsString("field")).containsExactly("[0]", "[1]", "[2]", "[3]", "[4]");
        assertThat(refused.get("errors").get(0).get("message").asString()).contains("minute horizon");
        assertThat(refused.get("errors").get(4).get("message").asString()).contains("future");
        String future = "[{\"timestamp\":\"2999-01-01T00:00:00Z\",\"good\":5,\"total\":10}]";
        assertThat(status(f.member().post("/api/v1/slos/" + name + "/events", future), 400).json()
                .get("errors").get(0).get("message").asString()).contains("future");
        assertThat(status(f.admin.get("/api/v1/slos/" + name + "/status"), 200).json().get("counts").get("total").asLong())
                .isEqualTo(60_000);

        // the list puts the exhausted SLO first
        String healthy = "calm-" + f.run;
        status(f.member().postYaml("/api/v1/slos/import", SloFixture.builtIn(healthy, service, "0.99", null)), 200);
        status(f.member().post("/api/v1/slos/" + healthy + "/events", SloFixture.points(10, 0, 100)), 200);
        JsonNode list = status(f.admin.get("/api/v1/slos?team=" + f.team), 200).json();
        assertThat(list.get("items").findValuesAsString("name")).containsExactly(name, healthy);
        assertThat(list.get("items").get(0).get("budgetState").asString()).isEqualTo("EXHAUSTED");
        assertThat(status(f.admin.get("/api/v1/slos?team=" + f.team + "&sort=remaining,desc"), 200).json()
                .get("items").findValuesAsString("name")).containsExactly(healthy, name);
        assertThat(status(f.admin.get("/api/v1/services/" + service + "/slos"), 200).json().size()).isEqualTo(2);
    }

    @Test
    void zeroTrafficIsNoDataNeverNaN() {
        String service = f.service("idle", "C");
        String name = "idle-" + f.run;
        status(f.member().postYaml("/api/v1/slos/import", SloFixture.builtIn(name, service, "0.97", null)), 200);
        status(f.member().post("/api/v1/slos/" + name + "/events", SloFixture.points(30, 0, 0)), 200);
        Api.Response r = status(f.admin.get("/api/v1/slos/" + name + "/status"), 200);
        assertThat(r.body()).doesNotContain("NaN").doesNotContain("Infinity");
        JsonNode s = r.json();
        assertThat(s.get("dataState").asString()).isEqualTo("NO_DATA");
        assertThat(s.has("sli")).isFalse();
        assertThat(s.get("errorBudget").get("remaining").asDouble()).isEqualTo(1.0);
        assertThat(s.get("policy").get("state").asString()).isEqualTo("HEALTHY");
        for (JsonNode a : s.get("alerts")) {
            assertThat(a.get("firing").asBoolean()).isFalse();
            assertThat(a.get("state").asString()).isEqualTo("NO_DATA");
        }
        JsonNode burnRates = s.get("burnRates");
        assertThat(burnRates.propertyNames()).as("every window is named, without a figure")
                .containsExactly("5m", "30m", "1h", "2h", "6h", "1d", "3d");
        burnRates.properties().forEach(e -> assertThat(e.getValue().isNull()).as(e.getKey()).isTrue());
    }

    @Test
    void deletingNeedsTheCurrentVersionAndRulesNeedPrometheusQueries() {
        String service = f.service("mail", "B");
        String name = "mail-" + f.run;
        status(f.member().postYaml("/api/v1/slos/import", SloFixture.builtIn(name, service, "0.999", null)), 200);
        JsonNode rules = status(f.admin.get("/api/v1/slos/" + name + "/prometheus-rules"), 409).json();
        assertThat(rules.get("detail").asString()).contains("Prometheus queries");

        String prom = "mail-prom-" + f.run;
        status(f.member().postYaml("/api/v1/slos/import", SloFixture.prometheus(prom, service, "mail", "http://127.0.0.1:1")), 200);
        Api.Response generated = status(f.admin.get("/api/v1/slos/" + prom + "/prometheus-rules"), 200);
        assertThat(generated.body()).contains("SloErrorBudgetBurn").contains("http_requests_total{job=\"mail\"}");
        status(f.member().post("/api/v1/slos/" + prom + "/events", SloFixture.points(1, 0, 1)), 409);

        status(f.member().postYaml("/api/v1/slos/import", SloFixture.builtIn(name, service, "0.99", null)), 200);
        JsonNode stale = status(f.member().delete("/api/v1/slos/" + name + "?version=0"), 409).json();
        assertThat(stale.get("currentVersion").asInt()).isEqualTo(1);
        status(f.member().delete("/api/v1/slos/" + name, "\"0\""), 412);
        status(f.member().delete("/api/v1/slos/" + name), 400);
        status(f.member().delete("/api/v1/slos/" + name, "\"1\""), 204);
        status(f.admin.get("/api/v1/slos/" + name), 404);
        status(f.admin.get("/api/v1/slos/" + name + "/status"), 404);
    }

    @Test
    void slothSpecsImportToo() {
        String service = f.service("api", "B");
        String sloth = """
                version: prometheus/v1
                service: %s
                labels:
                  owner: team-api
                slos:
                  - name: requests-availability
                    objective: 99.9
                    sli:
                      events:
                        error_query: sum(rate(http_requests_total{job="api",code=~"5.."}[{{.window}}]))
                        total_query: sum(rate(http_requests_total{job="api"}[{{.window}}]))
                    alerting:
                      page_alert:
                        disable: false
                """.formatted(service);
        JsonNode result = status(f.member().postYaml("/api/v1/slos/import", sloth), 200).json();
        String name = service + "-requests-availability";
        assertThat(result.get("slos").get(0).get("name").asString()).isEqualTo(name);
        JsonNode slo = status(f.admin.get("/api/v1/slos/" + name), 200).json();
        assertThat(slo.get("source").asString()).isEqualTo("PROMETHEUS");
        assertThat(slo.get("owner").asString()).isEqualTo("team-api");

        // no Prometheus address (no DataSource, no tandem.slo.prometheus-url): no data, and the list says why
        JsonNode status = status(f.admin.get("/api/v1/slos/" + name + "/status"), 200).json();
        assertThat(status.get("dataState").asString()).isEqualTo("NO_DATA");
        assertThat(status.get("staleReason").asString()).contains("no Prometheus address");
        JsonNode item = status(f.admin.get("/api/v1/slos?service=" + service), 200).json().get("items").get(0);
        assertThat(item.get("dataState").asString()).isEqualTo("NO_DATA");
        assertThat(item.get("dataReason").asString()).contains("no Prometheus address");
        assertThat(item.get("budgetState").asString()).isEqualTo("HEALTHY");
        assertThat(item.get("budgetRemaining").asDouble()).as("an untouched budget").isEqualTo(1.0);
    }

    @Test
    void aRedefinedSloDoesNotShowTheOldDefinitionsFigures() {
        String service = f.service("ledger", "B");
        String name = "redefined-" + f.run;
        status(f.member().postYaml("/api/v1/slos/import", SloFixture.builtIn(name, service, "0.999", null)), 200);
        status(f.member().post("/api/v1/slos/" + name + "/events", SloFixture.points(10, 50, 100)), 200);
        JsonNode exhausted = status(f.admin.get("/api/v1/slos/" + name + "/status"), 200).json();
        assertThat(exhausted.get("policy").get("state").asString()).isEqualTo("EXHAUSTED");

        // only the owner changes: the figures still describe the SLO, and stay
        status(f.member().postYaml("/api/v1/slos/import", SloFixture.builtIn(name, service, "0.999", "someone-" + f.run)), 200);
        JsonNode kept = status(f.admin.get("/api/v1/slos?service=" + service), 200).json().get("items").get(0);
        assertThat(kept.get("budgetState").asString()).isEqualTo("EXHAUSTED");
        assertThat(kept.get("budgetRemaining").asDouble()).isLessThan(0);

        // now it reads a Prometheus that does not answer: stale, but with nothing of the old budget
        status(f.member().postYaml("/api/v1/slos/import", SloFixture.prometheus(name, service, "ledger", "http://127.0.0.1:1")), 200);
        JsonNode stale = status(f.admin.get("/api/v1/slos/" + name + "/status"), 200).json();
        assertThat(stale.get("dataState").asString()).isEqualTo("STALE");
        assertThat(stale.get("sli")).as("no SLI of the old definition").isNull();
        assertThat(stale.get("errorBudget").get("remaining").asDouble()).isEqualTo(1.0);
        assertThat(stale.get("policy").get("state").asString()).isEqualTo("HEALTHY");
        JsonNode item = status(f.admin.get("/api/v1/slos?service=" + service), 200).json().get("items").get(0);
        assertThat(item.get("dataState").asString()).isEqualTo("STALE");
        assertThat(item.get("budgetState").asString()).isEqualTo("HEALTHY");
        assertThat(item.get("budgetRemaining").asDouble()).isEqualTo(1.0);
        assertThat(item.get("dataReason").asString()).contains("127.0.0.1:1");
    }
}
