package dev.tandem.readiness;

import dev.tandem.support.Api;
import dev.tandem.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static dev.tandem.readiness.ReadinessFixture.status;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A readiness review from start to approval through the API, with the permissions of every part: only
 * owners answer and submit, only SREs and admins decide, nobody decides on their own submission, and
 * required items block approval until they are met or justified as not applicable.
 */
@IntegrationTest
class ReviewWorkflowIT {

    @LocalServerPort
    int port;

    private ReadinessFixture f;

    @BeforeEach
    void setUp() {
        f = new ReadinessFixture(port);
    }

    private String path(String service) {
        return "/api/v1/services/" + service + "/readiness";
    }

    private static String answer(String state, String evidence, String justification, int version) {
        return Api.json(Map.of("state", state, "evidence", evidence == null ? "" : evidence,
                "justification", justification == null ? "" : justification, "links", List.of(), "version", version));
    }

    private int reviewVersion(String service) {
        return f.readiness(service).get("review").get("version").asInt();
    }

    @Test
    void aServiceWithoutReviewShowsTheDefaultChecklistAndWhatItsLevelRequires() {
        String service = f.service("fresh", "A");
        JsonNode r = f.readiness(service);
        assertThat(r.hasNonNull("review")).isFalse();
        assertThat(r.get("checklistName").asString()).isEqualTo("default");
        assertThat(r.get("items").size()).isGreaterThan(60);
        assertThat(r.get("level").asString()).isEqualTo("A");
        long required = r.get("items").valueStream().filter(i -> i.get("requirement").asString().equals("REQUIRED")).count();
        assertThat(r.get("blockers").size()).isEqualTo((int) required);
        assertThat(r.get("phases").findValuesAsString("phase")).containsExactly("design", "pre-production");
        assertThat(f.admin.get("/api/v1/services/no-such-" + f.run + "/readiness").status()).isEqualTo(404);
    }

    @Test
    void onlyOwnersStartAReviewAndOnlyOnce() {
        String service = f.service("start", "B");
        status(f.as("viewer").post(path(service) + "/review", "{}"), 403);
        status(f.as("outsider").post(path(service) + "/review", "{}"), 403);
        JsonNode review = status(f.as("member").post(path(service) + "/review", "{}"), 201).json();
        assertThat(review.get("state").asString()).isEqualTo("DRAFT");
        assertThat(review.get("checklistName").asString()).isEqualTo("default");
        Api.Response again = status(f.as("member").post(path(service) + "/review", "{}"), 409);
        assertThat(again.body()).contains("already has a review");
        status(f.as("member").post(path(service) + "/review", "{\"checklist\":\"missing-" + f.run + "\"}"), 404);
    }

    @Test
    void answersNeedEvidenceOrJustificationAndRefuseStaleVersions() {
        String service = f.service("answers", "B");
        status(f.as("member").post(path(service) + "/review", "{}"), 201);
        String item = f.readiness(service).get("items").get(0).get("item").get("id").asString();

        Api.Response noEvidence = status(f.as("member").put(path(service) + "/items/" + item, answer("met", null, null, 0)), 400);
        assertThat(noEvidence.body()).contains("evidence");
        Api.Response noReason = status(f.as("member").put(path(service) + "/items/" + item,
                answer("not-applicable", null, null, 0)), 400);
        assertThat(noReason.body()).contains("justification");
        status(f.as("member").put(path(service) + "/items/" + item, Api.json(Map.of("state", "met",
                "links", List.of("javascript:alert(1)"), "version", 0))), 400);
        status(f.as("outsider").put(path(service) + "/items/" + item, answer("met", "doc", null, 0)), 403);
        status(f.as("viewer").put(path(service) + "/items/" + item, answer("met", "doc", null, 0)), 403);

        JsonNode saved = status(f.as("member").put(path(service) + "/items/" + item,
                answer("met", "Design doc section 3", null, 0)), 200).json();
        assertThat(saved.get("version").asInt()).isEqualTo(1);
        assertThat(saved.get("attestedBy").asString()).isEqualTo(f.username("member"));
        status(f.as("member").put(path(service) + "/items/" + item, answer("failed", "stale", null, 0)), 409);
        status(f.as("member").put(path(service) + "/items/no-such-item", answer("met", "x", null, 0)), 404);

        JsonNode after = f.readiness(service).get("items").get(0);
        assertThat(after.get("state").asString()).isEqualTo("MET");
        assertThat(after.get("answer").get("evidence").asString()).isEqualTo("Design doc section 3");
    }

    @Test
    void fromDraftToApprovedWithChangesRequestedOnTheWay() {
        String service = f.service("approve", "C");
        status(f.as("member").post(path(service) + "/review", "{}"), 201);

        status(f.as("member").post(path(service) + "/review/submit", Api.json(Map.of("version", reviewVersion(service)))), 200);
        assertThat(f.readiness(service).get("review").get("state").asString()).isEqualTo("IN_REVIEW");
        String firstItem = f.readiness(service).get("items").get(0).get("item").get("id").asString();
        Api.Response frozen = status(f.as("member").put(path(service) + "/items/" + firstItem, answer("met", "x", null, 0)), 409);
        assertThat(frozen.body()).contains("withdraw");

        int v = reviewVersion(service);
        status(f.as("member").post(path(service) + "/review/approve", Api.json(Map.of("version", v))), 403);
        status(f.as("viewer").post(path(service) + "/review/approve", Api.json(Map.of("version", v))), 403);
        Api.Response blocked = status(f.as("sre1").post(path(service) + "/review/approve", Api.json(Map.of("version", v))), 409);
        assertThat(blocked.body()).contains("cannot be approved yet").contains("required item");
        status(f.as("sre1").post(path(service) + "/review/request-changes", Api.json(Map.of("version", v))), 400);
        status(f.as("sre1").post(path(service) + "/review/request-changes", Api.json(Map.of("version", v - 1,
                "comment", "stale"))), 409);
        JsonNode sentBack = status(f.as("sre1").post(path(service) + "/review/request-changes",
                Api.json(Map.of("version", v, "comment", "Answer the required items"))), 200).json();
        assertThat(sentBack.get("state").asString()).isEqualTo("CHANGES_REQUESTED");
        assertThat(sentBack.get("reviewer").asString()).isEqualTo(f.username("sre1"));

        JsonNode r = f.readiness(service);
        int answered = 0;
        for (JsonNode item : r.get("items")) {
            if (!item.get("requirement").asString().equals("REQUIRED")) {
                continue;
            }
            String id = item.get("item").get("id").asString();
            String body = answered % 3 == 2
                    ? answer("not-applicable", null, "No such component in this service", item.get("answer").get("version").asInt())
                    : Api.json(Map.of("state", "met", "evidence", "Shown in the runbook",
                            "links", List.of("https://wiki.example.com/" + id), "version", item.get("answer").get("version").asInt()));
            status(f.as("member").put(path(service) + "/items/" + id, body), 200);
            answered++;
        }
        assertThat(answered).isGreaterThan(0);
        assertThat(f.readiness(service).get("blockers")).isEmpty();

        status(f.as("member").post(path(service) + "/review/submit", Api.json(Map.of("version", reviewVersion(service),
                "comment", "All required items answered"))), 200);
        status(f.as("member").post(path(service) + "/review/comments", "{\"comment\":\"Ready when you are\"}"), 201);
        JsonNode approved = status(f.as("sre2").post(path(service) + "/review/approve",
                Api.json(Map.of("version", reviewVersion(service), "comment", "Looks good"))), 200).json();
        assertThat(approved.get("state").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("approvedLevel").asString()).isEqualTo("C");
        assertThat(approved.get("submittedBy").asString()).isEqualTo(f.username("member"));

        JsonNode readiness = f.readiness(service);
        assertThat(readiness.get("lastApproved").get("id").asLong()).isEqualTo(approved.get("id").asLong());
        JsonNode history = f.admin.get(path(service) + "/history").json();
        List<String> kinds = history.get("events").findValuesAsString("kind");
        assertThat(kinds).contains("started", "item", "state", "comment");
        assertThat(history.get("events").findValuesAsString("toState")).contains("APPROVED", "CHANGES_REQUESTED", "IN_REVIEW");
        assertThat(f.admin.get("/api/v1/audit?entityType=readiness-review&entityName=" + service).json()
                .get("items").findValuesAsString("action")).contains("approve", "request-changes", "submit", "start");

        // a new review starts from the approved answers
        status(f.as("member").post(path(service) + "/review", "{}"), 201);
        JsonNode again = f.readiness(service);
        assertThat(again.get("review").get("state").asString()).isEqualTo("DRAFT");
        assertThat(again.get("blockers")).isEmpty();
        assertThat(again.get("lastApproved").get("id").asLong()).isEqualTo(approved.get("id").asLong());
    }

    @Test
    void nobodyDecidesOnTheirOwnSubmission() {
        String service = f.service("self", "C");
        status(f.as("sre1").post(path(service) + "/review", "{}"), 201);
        status(f.as("sre1").post(path(service) + "/review/submit", Api.json(Map.of("version", reviewVersion(service)))), 200);
        Api.Response own = status(f.as("sre1").post(path(service) + "/review/request-changes",
                Api.json(Map.of("version", reviewVersion(service), "comment", "mine"))), 403);
        assertThat(own.body()).contains("another reviewer");
        status(f.as("sre1").post(path(service) + "/review/withdraw", Api.json(Map.of("version", reviewVersion(service)))), 200);
        status(f.as("sre1").post(path(service) + "/review/withdraw", Api.json(Map.of("version", reviewVersion(service)))), 409);
    }
}
