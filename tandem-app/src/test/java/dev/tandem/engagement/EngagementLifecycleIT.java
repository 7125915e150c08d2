package dev.tandem.engagement;

import dev.tandem.support.Api;
import dev.tandem.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.tandem.engagement.EngagementFixture.status;
import static org.assertj.core.api.Assertions.assertThat;

/** An engagement from proposal to completion through the API, with the refusals along the way. */
@IntegrationTest
class EngagementLifecycleIT {

    @LocalServerPort
    int port;

    private EngagementFixture f;
    private String checkout;

    @BeforeEach
    void setUp() {
        f = new EngagementFixture(port);
        checkout = f.service("checkout", "A", f.team);
    }

    @Test
    void proposalsAreValidatedWholeAndOnlyTheTeamSresAndAdminsPropose() {
        String foreign = f.service("ledger", "B", f.otherTeam);
        JsonNode problem = status(f.as("member").post("/api/v1/engagements", Api.json(Map.of("team", f.team,
                "services", List.of(checkout, foreign, "nope-" + f.run), "willingness", 9, "relationship", "friends",
                "toilPercent", 120))), 400).json();
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(p -> fields.add(p.get("field").asString()));
        assertThat(fields).contains("services[1]", "services[2]", "willingness", "relationship", "toilPercent");
        assertThat(problem.toString()).contains("owned by team '" + f.otherTeam + "'").contains("no service named 'nope-");
        assertThat(status(f.admin.get("/api/v1/engagements?team=" + f.team), 200).json().get("totalItems").asInt()).isZero();

        Map<String, Object> ok = Map.of("team", f.team, "services", List.of(checkout));
        status(f.as("outsider").post("/api/v1/engagements", Api.json(ok)), 403);
        status(f.as("viewer").post("/api/v1/engagements", Api.json(ok)), 403);
        status(f.admin.post("/api/v1/engagements", Api.json(Map.of("team", "no-team-" + f.run))), 400);

        JsonNode e = f.propose("", List.of(checkout), Map.of("incidents", 7, "relationship", "established", "risk", 2));
        assertThat(e.get("state").asString()).isEqualTo("PROPOSED");
        assertThat(e.get("title").asString()).isEqualTo(f.team + " engagement");
        assertThat(e.get("services").get(0).asString()).isEqualTo(checkout);
        assertThat(e.get("intake").get("willingness").asInt()).isEqualTo(3);
        JsonNode sre = status(f.as("sre").post("/api/v1/engagements", Api.json(Map.of("team", f.team, "title", "By an SRE"))), 201).json();
        assertThat(sre.get("createdBy").asString()).isEqualTo(f.username("sre"));
    }

    @Test
    void theQueueRanksByScoreWithABreakdownAndAdminsTuneTheWeights() {
        JsonNode safe = f.propose("Safe bet", List.of(checkout), Map.of("risk", 1, "relationship", "established",
                "willingness", 5, "motivation", 4, "incidents", 3));
        JsonNode risky = f.propose("Fire", List.of(checkout), Map.of("risk", 5, "relationship", "none",
                "willingness", 2, "motivation", 5, "incidents", 40, "sloMisses", 9));
        List<Long> order = queueOrder();
        assertThat(order.indexOf(safe.get("id").asLong())).isLessThan(order.indexOf(risky.get("id").asLong()));
        JsonNode first = status(f.admin.get("/api/v1/engagements/" + safe.get("id").asLong() + "/score"), 200).json().get("score");
        double sum = 0;
        for (JsonNode part : first.get("parts")) {
            sum += part.get("points").asDouble();
            assertThat(part.get("reason").asString()).isNotBlank();
        }
        assertThat(sum).isCloseTo(first.get("total").asDouble(), org.assertj.core.data.Offset.offset(1e-9));

        status(f.as("sre").put("/api/v1/engagements/selection-weights", Api.json(Map.of("low-risk", 0))), 403);
        JsonNode bad = status(f.admin.put("/api/v1/engagements/selection-weights", Api.json(Map.of("luck", 3, "problem", 11))), 400).json();
        assertThat(bad.toString()).contains("unknown criterion").contains("from 0 to 10");
        Map<String, Integer> before = weights();
        try {
            status(f.admin.put("/api/v1/engagements/selection-weights", Api.json(Map.of("low-risk", 0, "relationship", 0,
                    "willingness", 0, "problem", 10))), 200);
            order = queueOrder();
            assertThat(order.indexOf(risky.get("id").asLong())).isLessThan(order.indexOf(safe.get("id").asLong()));
        } finally {
            status(f.admin.put("/api/v1/engagements/selection-weights", Api.json(before)), 200);
        }
    }

    private Map<String, Integer> weights() {
        JsonNode w = status(f.admin.get("/api/v1/engagements/selection-weights"), 200).json();
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        w.properties().forEach(en -> out.put(en.getKey(), en.getValue().asInt()));
        return out;
    }

    private List<Long> queueOrder() {
        List<Long> ids = new ArrayList<>();
        int rank = 0;
        for (JsonNode c : status(f.admin.get("/api/v1/engagements/queue"), 200).json()) {
            assertThat(c.get("rank").asInt()).isEqualTo(++rank);
            ids.add(c.get("engagement").get("id").asLong());
        }
        return ids;
    }

    @Test
    void fromProposalToCompletionWithEveryGuard() {
        long id = f.propose("Checkout", List.of(checkout), Map.of()).get("id").asLong();
        String path = "/api/v1/engagements/" + id;

        // only managers decide, and a decline needs a reason
        status(f.as("member").post(path + "/accept", Api.json(Map.of("version", 0))), 403);
        status(f.admin.post(path + "/decline", Api.json(Map.of("version", 0))), 400);
        status(f.admin.post(path + "/accept", Api.json(Map.of("version", 7))), 409);
        JsonNode illegal = status(f.admin.post(path + "/transitions", Api.json(Map.of("to", "driving-change", "version", 0))), 409).json();
        assertThat(illegal.get("detail").asString()).contains("cannot become driving change");
        JsonNode e = status(f.admin.post(path + "/accept", Api.json(Map.of("reason", "low risk, motivated", "version", 0))), 200).json();
        assertThat(e.get("state").asString()).isEqualTo("ACCEPTED");
        assertThat(e.get("decisionReason").asString()).isEqualTo("low risk, motivated");

        // starting needs an embedded SRE and agreed exit criteria
        JsonNode refused = status(f.admin.post(path + "/transitions", Api.json(Map.of("to", "learning", "version", 1))), 409).json();
        assertThat(refused.get("detail").asString()).contains("an embedded SRE").contains("exit criteria");
        status(f.as("sre").put(path + "/plan", Api.json(Map.of("version", 1))), 403);
        JsonNode notSre = status(f.admin.put(path + "/plan", Api.json(Map.of("version", 1,
                "sres", List.of(Map.of("person", f.username("member"), "sharePercent", 50))))), 400).json();
        assertThat(notSre.toString()).contains("is not an SRE");
        e = status(f.admin.put(path + "/plan", Api.json(Map.of("version", 1, "plannedStart", "2026-12-01", "plannedEnd", "2027-02-28",
                "sres", List.of(Map.of("person", f.username("sre"), "sharePercent", 50))))), 200).json();
        assertThat(e.get("sres").get(0).get("sharePercent").asInt()).isEqualTo(50);

        JsonNode badCharter = status(f.as("member").put(path + "/charter", Api.json(Map.of("version", 0, "exitCriteria", List.of(
                Map.of("kind", "review-approved", "service", "elsewhere", "level", "A"),
                Map.of("kind", "slo-attainment", "slo", "no-such-slo"),
                Map.of("kind", "maturity-score", "area", "observability", "score", 7),
                Map.of("kind", "teleport"))))), 400).json();
        assertThat(badCharter.toString()).contains("exitCriteria[0].service").contains("not in the engagement's scope")
                .contains("exitCriteria[1].slo").contains("exitCriteria[2].score").contains("exitCriteria[3].kind");
        status(f.admin.get(path + "/charter"), 404);
        status(f.as("outsider").put(path + "/charter", Api.json(Map.of("version", 0))), 403);
        JsonNode charter = status(f.as("member").put(path + "/charter", Api.json(Map.of("version", 0, "goal", "Page less",
                "background", "<b>Many</b> pages", "exitCriteria", List.of(
                        Map.of("kind", "review-approved", "service", checkout, "level", "a"),
                        Map.of("kind", "maturity-score", "score", 3.5),
                        Map.of("kind", "manual", "title", "The team runs its own postmortems"))))), 200).json();
        assertThat(charter.get("version").asInt()).isEqualTo(1);
        assertThat(charter.get("afterStart").asBoolean()).isFalse();
        assertThat(charter.get("holdDays").asInt()).isEqualTo(14);
        assertThat(charter.get("syncCadence").asString()).isEqualTo("Weekly sync");
        assertThat(charter.get("exitCriteria").get(0).get("key").asString()).isEqualTo("review-" + checkout);
        assertThat(charter.get("exitCriteria").get(1).get("key").asString()).isEqualTo("maturity-average");
        status(f.as("member").put(path + "/charter", Api.json(Map.of("version", 0))), 409);

        // the team does not move the phases; the embedded SRE does
        status(f.as("member").post(path + "/transitions", Api.json(Map.of("to", "learning", "version", 2))), 403);
        e = status(f.as("sre").post(path + "/transitions", Api.json(Map.of("to", "learning", "reason", "kick-off done", "version", 2))), 200).json();
        assertThat(e.get("startedAt").isNull()).isFalse();

        // a charter change after the start is marked as such
        JsonNode later = status(f.as("sre").put(path + "/charter", Api.json(Map.of("version", 1, "goal", "Page much less",
                "exitCriteria", List.of(Map.of("kind", "manual", "title", "Postmortems", "key", "postmortems"))))), 200).json();
        assertThat(later.get("afterStart").asBoolean()).isTrue();
        JsonNode versions = status(f.admin.get(path + "/charter/versions"), 200).json();
        assertThat(versions).hasSize(2);
        assertThat(versions.get(1).get("afterStart").asBoolean()).isFalse();
        assertThat(status(f.admin.get(path + "/charter/versions/1"), 200).json().get("goal").asString()).isEqualTo("Page less");

        status(f.as("sre").post(path + "/transitions", Api.json(Map.of("to", "sharing-context", "version", 3))), 200);
        status(f.as("sre").post(path + "/transitions", Api.json(Map.of("to", "driving-change", "version", 4))), 200);

        // the journal
        status(f.as("viewer").post(path + "/journal", Api.json(Map.of("title", "x"))), 403);
        JsonNode badEntry = status(f.as("member").post(path + "/journal", Api.json(Map.of("kind", "fix", "title", "",
                "url", "javascript:alert(1)"))), 400).json();
        assertThat(badEntry.toString()).contains("title").contains("url").contains("assignee");
        JsonNode fix = status(f.as("sre").post(path + "/journal", Api.json(Map.of("kind", "fix", "title", "Add alerts on burn rate",
                "assignee", f.username("member"), "date", "2026-12-10"))), 201).json();
        status(f.as("member").post(path + "/journal", Api.json(Map.of("kind", "decision", "title", "Adopt a 99.9 % SLO"))), 201);
        status(f.as("member").put(path + "/journal/" + fix.get("id").asLong(), Api.json(Map.of("kind", "fix",
                "title", "Add alerts on burn rate", "assignee", f.username("member"), "done", true, "version", 0))), 200);
        status(f.as("member").put(path + "/journal/" + fix.get("id").asLong(), Api.json(Map.of("kind", "fix",
                "title", "stale", "assignee", f.username("member"), "version", 0))), 409);
        assertThat(status(f.admin.get(path + "/journal"), 200).json()).hasSize(2);

        // exiting drafts the after-action report; completing needs it saved by a person
        status(f.admin.get(path + "/report"), 404);
        status(f.as("sre").post(path + "/transitions", Api.json(Map.of("to", "exiting", "version", 5))), 200);
        JsonNode draft = status(f.admin.get(path + "/report"), 200).json();
        assertThat(draft.get("version").asInt()).isZero();
        String body = draft.get("body").asString();
        assertThat(body).contains("# After-action report: Checkout").contains("Page much less")
                .contains("- Postmortems").contains("[x] Add alerts on burn rate").contains("Adopt a 99.9 % SLO")
                .contains("driving change")
                .contains("## Exit criteria at the exit").contains("| Postmortems | not met |")
                .contains("## Production readiness, start and end").contains("| " + checkout + " | ");
        JsonNode early = status(f.as("sre").post(path + "/transitions", Api.json(Map.of("to", "completed", "version", 6))), 409).json();
        assertThat(early.get("detail").asString()).contains("after-action report");
        status(f.as("viewer").put(path + "/report", Api.json(Map.of("body", "x", "version", 0))), 403);
        status(f.as("member").put(path + "/report", Api.json(Map.of("body", body + "\nWe learned a lot.", "version", 0))), 200);
        Api.Response md = status(f.admin.get(path + "/report.md"), 200);
        assertThat(md.header("Content-Type")).startsWith("text/markdown");
        assertThat(md.body()).endsWith("We learned a lot.");
        e = status(f.as("sre").post(path + "/transitions", Api.json(Map.of("to", "completed", "version", 6))), 200).json();
        assertThat(e.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(e.get("endedAt").isNull()).isFalse();

        // final: nothing moves, the charter is frozen, the history tells who did what
        status(f.admin.post(path + "/transitions", Api.json(Map.of("to", "cancelled", "reason", "x", "version", 7))), 409);
        status(f.admin.put(path + "/charter", Api.json(Map.of("version", 2))), 409);
        JsonNode history = status(f.admin.get(path + "/transitions"), 200).json();
        List<String> states = new ArrayList<>();
        history.forEach(t -> states.add(t.get("to").asString()));
        assertThat(states).containsExactly("PROPOSED", "ACCEPTED", "LEARNING", "SHARING_CONTEXT", "DRIVING_CHANGE", "EXITING", "COMPLETED");
        assertThat(history.get(2).get("actor").asString()).isEqualTo(f.username("sre"));
        assertThat(history.get(2).get("reason").asString()).isEqualTo("kick-off done");
        // the program dashboard counts it among this quarter's completed engagements, with its outcome
        JsonNode program = status(f.admin.get("/api/v1/program"), 200).json();
        JsonNode outcome = null;
        for (JsonNode c : program.get("completed")) {
            if (c.get("engagement").get("id").asLong() == id) {
                outcome = c;
            }
        }
        assertThat(outcome).as(program.toString()).isNotNull();
        assertThat(outcome.get("criteriaTotal").asInt()).isEqualTo(1);
        assertThat(outcome.get("readiness").get("start").get("services").get(0).get("service").asString()).isEqualTo(checkout);
        assertThat(outcome.get("readiness").get("live").asBoolean()).isFalse();
        status(f.admin.get("/api/v1/program?quarter=2026-Q5"), 400);
        status(f.as("viewer").get("/api/v1/program?quarter=2020-Q1"), 200);

        JsonNode audit = status(f.admin.get("/api/v1/audit?entityType=engagement&size=100"), 200).json();
        assertThat(audit.toString()).contains("#" + id + " Checkout");
    }

    @Test
    void aTeamWithdrawsItsProposalAndOnlyManagersCancelARunningEngagement() {
        long id = f.propose("Withdrawn", List.of(checkout), Map.of()).get("id").asLong();
        String path = "/api/v1/engagements/" + id;
        status(f.as("member").post(path + "/transitions", Api.json(Map.of("to", "cancelled", "version", 0))), 400);
        status(f.as("outsider").post(path + "/transitions", Api.json(Map.of("to", "cancelled", "reason", "no", "version", 0))), 403);
        status(f.as("member").post(path + "/transitions", Api.json(Map.of("to", "cancelled", "reason", "we fixed it ourselves", "version", 0))), 200);

        long running = f.propose("Running", List.of(checkout), Map.of()).get("id").asLong();
        JsonNode e = f.acceptedAndChartered(running);
        String p = "/api/v1/engagements/" + running;
        status(f.as("sre").post(p + "/transitions", Api.json(Map.of("to", "learning", "version", e.get("version").asInt()))), 200);
        status(f.as("member").post(p + "/transitions", Api.json(Map.of("to", "cancelled", "reason", "x", "version", e.get("version").asInt() + 1))), 403);
        status(f.as("sre").post(p + "/transitions", Api.json(Map.of("to", "cancelled", "reason", "x", "version", e.get("version").asInt() + 1))), 403);
        JsonNode cancelled = status(f.admin.post(p + "/transitions", Api.json(Map.of("to", "cancelled", "reason", "reorg",
                "version", e.get("version").asInt() + 1))), 200).json();
        assertThat(cancelled.get("state").asString()).isEqualTo("CANCELLED");
        status(f.as("member").post(p + "/journal", Api.json(Map.of("title", "late"))), 409);

        JsonNode list = status(f.admin.get("/api/v1/engagements?team=" + f.team + "&state=cancelled&sort=title"), 200).json();
        assertThat(list.get("totalItems").asInt()).isEqualTo(2);
        assertThat(list.get("items").get(0).get("title").asString()).isEqualTo("Running");
        status(f.admin.get("/api/v1/engagements?state=bogus"), 400);
        status(f.admin.get("/api/v1/engagements/999999999"), 404);
    }
}
