package dev.tandem.engagement;

import dev.tandem.shared.Actor;
import dev.tandem.slo.SloFixture;
import dev.tandem.support.Api;
import dev.tandem.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.tandem.engagement.CriteriaFixture.criterion;
import static dev.tandem.engagement.CriteriaFixture.state;
import static dev.tandem.engagement.CriteriaFixture.status;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exit criteria evaluated against real signals: facts that move a service up a scorecard, a readiness
 * review approved, SLO events pushed (a good hour, then a bad one), the error budget's state, a maturity
 * assessment and a manual record; the readiness stages and their events; who may do what.
 */
@IntegrationTest
class ExitCriteriaIT {

    @LocalServerPort
    int port;

    @Autowired
    Engagements engagements;

    @Autowired
    Charters charters;

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    dev.tandem.slo.SloMonitor monitor;

    private CriteriaFixture f;
    private final List<ExitReadinessChanged> published = new CopyOnWriteArrayList<>();
    private final ApplicationListener<PayloadApplicationEvent<ExitReadinessChanged>> listener = e -> published.add(e.getPayload());

    @BeforeEach
    void setUp() {
        f = new CriteriaFixture(port);
        context.addApplicationListener(listener);
    }

    @AfterEach
    void tearDown() {
        context.removeApplicationListener(listener);
    }

    private List<ExitReadinessChanged> published(long id) {
        return published.stream().filter(e -> e.engagementId() == id).toList();
    }

    @Test
    void criteriaTurnGreenOnRealReadinessAndSloDataAndBackOnABadHour() {
        String service = f.service("checkout", "C");
        // a scorecard on which coverage moves the service from Bronze to Silver
        String card = """
                apiVersion: tandem.dev/v1
                kind: Scorecard
                metadata: {name: prod-%s, title: Production}
                spec:
                  filter: {owners: [%s]}
                  rules:
                    - {id: coverage-50, title: Coverage at least 50 %%, fact: coverage, operator: ">=", value: 50}
                    - {id: coverage-80, title: Coverage at least 80 %%, fact: coverage, operator: ">=", value: 80}
                  levels:
                    - {name: Bronze, checks: [coverage-50]}
                    - {name: Silver, checks: [coverage-80]}
                """.formatted(f.run, f.team);
        status(f.admin.postYaml("/api/v1/scorecards/import", card), 200);
        status(f.as("member").post("/api/v1/services/" + service + "/facts", Api.json(List.of(
                Map.of("key", "coverage", "value", 60)))), 200);
        // an SLO with a good hour that ended an hour ago
        String slo = "avail-" + f.run;
        status(f.admin.postYaml("/api/v1/slos/import", SloFixture.builtIn(slo, service, "0.999", null)), 200);
        long minute = Instant.now().getEpochSecond() / 60 * 60;
        status(f.as("member").post("/api/v1/slos/" + slo + "/events", SloFixture.points(minute - 3600, 60, 0, 1000)), 200);

        long id = f.engagement(engagements, charters, List.of(service), List.of(
                Map.of("kind", "scorecard-level", "key", "silver", "service", service, "scorecard", "prod-" + f.run, "level", "Silver"),
                Map.of("kind", "review-approved", "key", "review", "service", service, "level", "C"),
                Map.of("kind", "slo-attainment", "key", "attainment", "slo", slo, "days", 1),
                Map.of("kind", "budget-not-exhausted", "key", "budget", "slo", slo),
                Map.of("kind", "maturity-score", "key", "maturity", "score", 3),
                Map.of("kind", "manual", "key", "runbook", "title", "Runbook walked through with the team")),
                0, null, true);

        JsonNode r = f.readiness(id);
        assertThat(r.get("stage").asString()).isEqualTo("NOT_READY");
        assertThat(r.get("total").asInt()).isEqualTo(6);
        assertThat(state(r, "silver")).isEqualTo("NOT_MET");
        assertThat(criterion(r, "silver").get("detail").asString()).contains(service + " is at Bronze").contains("Silver needed");
        assertThat(state(r, "review")).isEqualTo("NOT_MET");
        assertThat(state(r, "attainment")).isEqualTo("MET");
        assertThat(criterion(r, "attainment").get("detail").asString()).contains("100 %").contains("60000 good of 60000");
        assertThat(state(r, "budget")).isEqualTo("MET");
        assertThat(state(r, "maturity")).isEqualTo("NO_DATA");
        assertThat(state(r, "runbook")).isEqualTo("NOT_MET");
        assertThat(criterion(r, "silver").get("since").isNull()).isFalse();
        assertThat(criterion(r, "silver").get("trend").size()).isEqualTo(1);
        assertThat(r.get("summary").asString()).contains("2 of 6");
        assertThat(published(id)).extracting(ExitReadinessChanged::to).contains(ExitReadiness.Stage.NOT_READY);

        // a fact moves the service up: the facts event re-evaluates the criterion
        status(f.as("member").post("/api/v1/services/" + service + "/facts", Api.json(List.of(
                Map.of("key", "coverage", "value", 85)))), 200);
        r = f.readiness(id);
        assertThat(state(r, "silver")).isEqualTo("MET");
        assertThat(criterion(r, "silver").get("progress").asDouble()).isEqualTo(1.0);

        // the review approved at C (the review event re-evaluates)
        approveReview(service);
        assertThat(state(f.readiness(id), "review")).isEqualTo("MET");
        assertThat(criterion(f.readiness(id), "review").get("detail").asString()).contains("approved at level C");

        // the maturity assessment and the manual record, with their permissions
        Map<String, Object> assessment = Map.of("kind", "START", "areas", MaturityIT.areas(3, 3, 3, 3, 3, 3, 3));
        status(f.as("viewer").post("/api/v1/engagements/" + id + "/assessments", Api.json(assessment)), 403);
        status(f.as("outsider").post("/api/v1/engagements/" + id + "/assessments", Api.json(assessment)), 403);
        status(f.as("member").post("/api/v1/engagements/" + id + "/assessments", Api.json(assessment)), 201);
        assertThat(state(f.readiness(id), "maturity")).isEqualTo("MET");

        String manual = "/api/v1/engagements/" + id + "/criteria/runbook/manual";
        Map<String, Object> evidence = Map.of("met", true, "evidence", "Walked through the runbook on 2026-11-20",
                "url", "https://wiki.example.com/runbook");
        status(f.as("viewer").put(manual, Api.json(evidence)), 403);
        status(f.as("outsider").put(manual, Api.json(evidence)), 403);
        JsonNode refused = status(f.as("member").put(manual, Api.json(Map.of("met", true))), 400).json();
        assertThat(refused.toString()).contains("evidence");
        status(f.as("member").put(manual, Api.json(Map.of("met", true, "evidence", "x", "url", "javascript:alert(1)"))), 400);
        status(f.as("member").put("/api/v1/engagements/" + id + "/criteria/silver/manual", Api.json(evidence)), 409);
        status(f.as("member").put("/api/v1/engagements/" + id + "/criteria/nope/manual", Api.json(evidence)), 404);
        assertThat(state(f.readiness(id), "runbook")).isEqualTo("NOT_MET");
        JsonNode record = status(f.as("esre").put(manual, Api.json(evidence)), 200).json();
        assertThat(record.get("recordedBy").asString()).isEqualTo(f.username("esre"));

        // all six met; with a hold period of 0 days it is time to plan the exit at once
        r = f.readiness(id);
        assertThat(r.get("met").asInt()).isEqualTo(6);
        assertThat(r.get("stage").asString()).isEqualTo("PLAN_EXIT");
        assertThat(r.get("readySince").isNull()).isFalse();
        assertThat(r.get("summary").asString()).startsWith("Time to plan the exit");
        assertThat(published(id)).extracting(ExitReadinessChanged::to).contains(ExitReadiness.Stage.PLAN_EXIT);
        String metSince = criterion(r, "attainment").get("since").asString();

        // a bad hour: the SLI over the day falls below the objective and the budget is exhausted
        status(f.as("member").post("/api/v1/slos/" + slo + "/events", SloFixture.points(60, 100, 1000)), 200);
        r = f.readiness(id);
        assertThat(state(r, "budget")).as(r.toString()).isEqualTo("NOT_MET");
        assertThat(criterion(r, "budget").get("detail").asString()).contains("exhausted");
        status(f.as("viewer").post("/api/v1/engagements/" + id + "/criteria/evaluate", ""), 403);
        r = status(f.as("member").post("/api/v1/engagements/" + id + "/criteria/evaluate", ""), 200).json();
        assertThat(state(r, "attainment")).isEqualTo("NOT_MET");
        assertThat(criterion(r, "attainment").get("detail").asString()).contains("95 %").contains("114000 good of 120000");
        assertThat(criterion(r, "attainment").get("since").asString()).isNotEqualTo(metSince);
        assertThat(r.get("stage").asString()).isEqualTo("NOT_READY");
        assertThat(published(id)).last().extracting(ExitReadinessChanged::from, ExitReadinessChanged::to)
                .containsExactly(ExitReadiness.Stage.PLAN_EXIT, ExitReadiness.Stage.NOT_READY);
        // the evaluation again changes no `since`
        JsonNode again = status(f.as("member").post("/api/v1/engagements/" + id + "/criteria/evaluate", ""), 200).json();
        assertThat(criterion(again, "attainment").get("since").asString()).isEqualTo(criterion(r, "attainment").get("since").asString());

        // history: today's last status, and the manual criterion's records
        JsonNode history = status(f.as("viewer").get("/api/v1/engagements/" + id + "/criteria/attainment/history?days=30"), 200).json();
        assertThat(history.get("days").size()).isEqualTo(1);
        assertThat(history.get("days").get(0).get("state").asString()).isEqualTo("NOT_MET");
        assertThat(history.get("current").get("state").asString()).isEqualTo("NOT_MET");
        status(f.as("member").put(manual, Api.json(Map.of("met", false, "evidence", "The runbook is out of date again"))), 200);
        JsonNode manualHistory = status(f.as("viewer").get("/api/v1/engagements/" + id + "/criteria/runbook/history"), 200).json();
        assertThat(manualHistory.get("records").size()).isEqualTo(2);
        assertThat(manualHistory.get("records").get(0).get("met").asBoolean()).isFalse();
        assertThat(manualHistory.get("current").get("state").asString()).isEqualTo("NOT_MET");
        status(f.as("viewer").get("/api/v1/engagements/" + id + "/criteria/nope/history"), 404);
        status(f.as("viewer").get("/api/v1/engagements/999999999/exit-readiness"), 404);
        assertThat(f.admin.get("/api/v1/audit?entityType=exit-criterion").json().get("items").findValuesAsString("action"))
                .contains("met", "not-met");
    }

    private void approveReview(String service) {
        String path = "/api/v1/services/" + service + "/readiness";
        status(f.as("member").post(path + "/review", "{}"), 201);
        JsonNode readiness = status(f.admin.get(path), 200).json();
        for (JsonNode item : readiness.get("items")) {
            if (!item.get("requirement").asString().equals("REQUIRED")) {
                continue;
            }
            String itemId = item.get("item").get("id").asString();
            status(f.as("member").put(path + "/items/" + itemId, Api.json(Map.of("state", "met", "evidence", "In the runbook",
                    "links", List.of(), "version", item.get("answer").get("version").asInt()))), 200);
        }
        status(f.as("member").post(path + "/review/submit", Api.json(Map.of("version", reviewVersion(path)))), 200);
        status(f.as("reviewer").post(path + "/review/approve", Api.json(Map.of("version", reviewVersion(path),
                "comment", "Ready"))), 200);
    }

    private int reviewVersion(String path) {
        return status(f.admin.get(path), 200).json().get("review").get("version").asInt();
    }

    @Test
    void aRunningEngagementPastItsPlannedEndWithLittleProgressIsFlaggedAndAProposalIsNotEvaluated() {
        String service = f.service("late", "B");
        List<Map<String, Object>> criteria = List.of(
                Map.of("kind", "manual", "key", "one", "title", "Postmortems are written by the team"),
                Map.of("kind", "manual", "key", "two", "title", "The team runs the game day"));
        long late = f.engagement(engagements, charters, List.of(service), criteria, 14, LocalDate.now().minusDays(2), true);
        JsonNode r = f.readiness(late);
        assertThat(r.get("needsDecision").asBoolean()).isTrue();
        assertThat(r.get("decisionReason").asString()).contains("0 of 2");
        assertThat(published(late)).anyMatch(ExitReadinessChanged::needsDecision);

        // half met is no longer "little progress"; all met starts the hold period of 14 days
        String one = "/api/v1/engagements/" + late + "/criteria/one/manual";
        status(f.as("member").put(one, Api.json(Map.of("met", true, "url", "https://wiki.example.com/pm"))), 200);
        r = f.readiness(late);
        assertThat(r.get("needsDecision").asBoolean()).isFalse();
        status(f.as("member").put("/api/v1/engagements/" + late + "/criteria/two/manual",
                Api.json(Map.of("met", true, "evidence", "Game day on Tuesday"))), 200);
        r = f.readiness(late);
        assertThat(r.get("stage").asString()).isEqualTo("READY");
        assertThat(r.get("holdDays").asInt()).isEqualTo(14);
        assertThat(r.get("summary").asString()).startsWith("Ready since");

        long proposed = f.engagement(engagements, charters, List.of(f.service("early", "B")), criteria, 14, null, false);
        JsonNode p = f.readiness(proposed);
        assertThat(p.get("stage").asString()).isEqualTo("NOT_READY");
        assertThat(state(p, "one")).isEqualTo("NO_DATA");
        assertThat(criterion(p, "one").get("detail").asString()).isEqualTo("not evaluated yet");
        status(f.as("member").post("/api/v1/engagements/" + proposed + "/criteria/evaluate", ""), 409);
    }

    @Test
    void theCriteriaPageShowsTheBannerTheTrendAndRecordsAManualCriterionThroughItsForm() throws Exception {
        String service = f.service("page", "B");
        long id = f.engagement(engagements, charters, List.of(service), List.of(
                Map.of("kind", "manual", "key", "handover", "title", "On-call handed over to the team")), 0, null, true);
        var page = dev.tandem.support.PageSession.admin(port);
        var html = page.get("/engagements/" + id + "/criteria");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.body()).contains("Exit readiness").contains("On-call handed over to the team").contains("<svg")
                .contains("0 of 1 criteria met").contains("Evaluate now").contains("scope=\"col\"");
        String csrf = dev.tandem.support.PageSession.csrf(html.body());
        var refused = page.post("/engagements/" + id + "/criteria/handover/manual", "met=true&evidence=&_csrf=" + csrf);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("needs evidence");
        var saved = page.post("/engagements/" + id + "/criteria/handover/manual",
                "met=true&evidence=" + dev.tandem.support.PageSession.enc("<b>Handed over</b> on Monday") + "&_csrf=" + csrf);
        assertThat(saved.statusCode()).isEqualTo(302);
        var after = page.get("/engagements/" + id + "/criteria");
        assertThat(after.body()).contains("Time to plan the exit").contains("&lt;b&gt;Handed over&lt;/b&gt;")
                .doesNotContain("<b>Handed over</b>");
        var evaluated = page.post("/engagements/" + id + "/criteria/evaluate", "_csrf=" + csrf);
        assertThat(evaluated.statusCode()).isEqualTo(302);
        // without the CSRF token the form is refused
        assertThat(page.post("/engagements/" + id + "/criteria/evaluate", "").statusCode()).isEqualTo(403);

        long bare = f.engagement(engagements, charters, List.of(f.service("bare", "B")), List.of(), 14, null, false);
        var empty = page.get("/engagements/" + bare + "/criteria");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("No exit criteria are agreed yet").contains("no criteria")
                .doesNotContain("Evaluate now");
    }

    @Test
    void theSliOverAnyWindowAndASourceThatDoesNotAnswer() {
        String service = f.service("window", "B");
        String slo = "window-" + f.run;
        status(f.admin.postYaml("/api/v1/slos/import", SloFixture.builtIn(slo, service, "0.999", null)), 200);
        long minute = Instant.now().getEpochSecond() / 60 * 60;
        status(f.as("member").post("/api/v1/slos/" + slo + "/events", SloFixture.points(minute - 3600, 60, 0, 1000)), 200);
        status(f.as("member").post("/api/v1/slos/" + slo + "/events", SloFixture.points(minute, 60, 100, 1000)), 200);
        Instant end = Instant.ofEpochSecond(minute + 60);
        dev.tandem.slo.SliWindow hour = monitor.sli(slo, java.time.Duration.ofHours(1), end);
        assertThat(hour.dataState()).isEqualTo("OK");
        assertThat(hour.total()).isEqualTo(60_000);
        assertThat(hour.sli()).isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(hour.attained()).isFalse();
        dev.tandem.slo.SliWindow two = monitor.sli(slo, java.time.Duration.ofHours(2), end);
        assertThat(two.good()).isEqualTo(114_000);
        assertThat(two.total()).isEqualTo(120_000);
        dev.tandem.slo.SliWindow before = monitor.sli(slo, java.time.Duration.ofHours(1), end.minusSeconds(3600));
        assertThat(before.sli()).isEqualTo(1.0);
        assertThat(before.attained()).isTrue();
        dev.tandem.slo.SliWindow earlier = monitor.sli(slo, java.time.Duration.ofHours(1), end.minusSeconds(3 * 3600));
        assertThat(earlier.dataState()).isEqualTo("NO_DATA");
        assertThat(earlier.sli()).isNull();

        // a Prometheus that does not answer: no data, marked stale, and nothing else breaks
        String prom = "prom-" + f.run;
        status(f.admin.postYaml("/api/v1/slos/import", SloFixture.prometheus(prom, service, "nowhere", "http://127.0.0.1:9")), 200);
        assertThat(monitor.sli(prom, java.time.Duration.ofDays(7), Instant.now()).dataState()).isEqualTo("STALE");
        long id = f.engagement(engagements, charters, List.of(service), List.of(
                Map.of("kind", "slo-attainment", "key", "prom", "slo", prom, "days", 7),
                Map.of("kind", "slo-attainment", "key", "pushed", "slo", slo, "days", 1)), 14, null, true);
        JsonNode r = f.readiness(id);
        assertThat(state(r, "prom")).isEqualTo("NO_DATA");
        assertThat(criterion(r, "prom").get("stale").asBoolean()).isTrue();
        assertThat(criterion(r, "prom").get("detail").asString()).contains("did not answer");
        assertThat(state(r, "pushed")).isEqualTo("NOT_MET");
        assertThat(criterion(r, "pushed").get("stale").asBoolean()).isFalse();

        // a charter saved later under the same key is evaluated on the next read
        Actor.runAs(Actor.system(), () -> charters.save(id, new CharterDraft("bg", "goal", "value", "intent", List.of(),
                List.of(), null, null, List.of(), 14, List.of(
                        Map.of("kind", "slo-attainment", "key", "prom", "slo", prom, "days", 7),
                        Map.of("kind", "manual", "key", "pushed", "title", "Now a manual one")), 1)));
        JsonNode after = f.readiness(id);
        assertThat(criterion(after, "pushed").get("kind").asString()).isEqualTo("manual");
        assertThat(criterion(after, "pushed").get("detail").asString()).isEqualTo("not recorded as met yet");
    }
}
