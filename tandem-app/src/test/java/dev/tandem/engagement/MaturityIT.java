package dev.tandem.engagement;

import dev.tandem.support.Api;
import dev.tandem.support.IntegrationTest;
import dev.tandem.support.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.tandem.engagement.CriteriaFixture.status;
import static org.assertj.core.api.Assertions.assertThat;

/** Maturity assessments through the API and the pages: rules, permissions, before/after and the program view. */
@IntegrationTest
class MaturityIT {

    @LocalServerPort
    int port;

    @Autowired
    Engagements engagements;

    @Autowired
    Charters charters;

    @Autowired
    Assessments assessments;

    private CriteriaFixture f;

    @BeforeEach
    void setUp() {
        f = new CriteriaFixture(port);
    }

    /** The seven areas in the matrix's order with these scores. */
    static List<Map<String, Object>> areas(int... scores) {
        List<Map<String, Object>> out = new ArrayList<>();
        MaturityArea[] all = MaturityArea.values();
        for (int i = 0; i < all.length; i++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("area", all[i].key());
            m.put("score", scores[i]);
            m.put("note", "note on " + all[i].label());
            out.add(m);
        }
        return out;
    }

    private long start() {
        return f.engagement(engagements, charters, List.of(f.service("m", "B")), List.of(
                Map.of("kind", "maturity-score", "key", "obs", "area", "observability", "score", 4)), 14, null, true);
    }

    @Test
    void assessmentsAreCheckedVersionedAndComparedBeforeAndAfter() {
        long id = start();
        String path = "/api/v1/engagements/" + id + "/assessments";
        JsonNode empty = status(f.as("member").post(path, Api.json(Map.of("kind", "START"))), 400).json();
        assertThat(empty.toString()).contains("areas.observability").contains("areas.data-and-recovery");
        List<Map<String, Object>> six = new ArrayList<>(areas(2, 2, 2, 2, 2, 2, 6));
        JsonNode tooHigh = status(f.as("member").post(path, Api.json(Map.of("kind", "START", "areas", six))), 400).json();
        assertThat(tooHigh.toString()).contains("areas.data-and-recovery").doesNotContain("areas.observability");
        status(f.as("member").post(path, Api.json(Map.of("kind", "SOMETIME", "areas", areas(2, 2, 2, 2, 2, 2, 2)))), 400);
        assertThat(status(f.as("viewer").get(path), 200).json().size()).isZero();

        Api.Response created = status(f.as("esre").post(path, Api.json(Map.of("kind", "START", "date", "2026-11-02",
                "areas", areas(2, 1, 2, 3, 2, 2, 1)))), 201);
        JsonNode start = created.json();
        assertThat(created.header("Location")).endsWith(path + "/" + start.get("id").asLong());
        assertThat(start.get("assessor").asString()).isEqualTo(f.username("esre"));
        assertThat(start.get("scores").size()).isEqualTo(7);
        assertThat(start.get("scores").get(0).get("area").asString()).isEqualTo("observability");
        assertThat(start.get("scores").get(0).get("note").asString()).isEqualTo("note on Observability");
        JsonNode second = status(f.as("member").post(path, Api.json(Map.of("kind", "START", "areas", areas(3, 3, 3, 3, 3, 3, 3)))), 400).json();
        assertThat(second.toString()).contains("already has a start assessment");

        // the maturity criterion reads the newest assessment
        assertThat(CriteriaFixture.state(f.readiness(id), "obs")).isEqualTo("NOT_MET");

        String one = path + "/" + start.get("id").asLong();
        Map<String, Object> change = new LinkedHashMap<>(Map.of("kind", "START", "date", "2026-11-02",
                "areas", areas(2, 2, 2, 3, 2, 2, 1), "version", start.get("version").asInt() + 1));
        status(f.as("member").put(one, Api.json(change)), 409);
        status(f.as("viewer").put(one, Api.json(change)), 403);
        change.put("version", start.get("version").asInt());
        JsonNode updated = status(f.as("member").put(one, Api.json(change)), 200).json();
        assertThat(updated.get("version").asInt()).isEqualTo(start.get("version").asInt() + 1);
        assertThat(updated.get("updatedBy").asString()).isEqualTo(f.username("member"));

        status(f.as("member").post(path, Api.json(Map.of("kind", "END", "areas", areas(4, 4, 3, 4, 3, 3, 3)))), 201);
        assertThat(CriteriaFixture.state(f.readiness(id), "obs")).isEqualTo("MET");
        assertThat(status(f.as("viewer").get(path), 200).json().size()).isEqualTo(2);
        assertThat(assessments.first(id)).map(Assessment::kind).contains(AssessmentKind.START);
        assertThat(assessments.latest(id)).map(Assessment::kind).contains(AssessmentKind.END);
        assertThat(assessments.delta(id)).hasValueSatisfying(d -> assertThat(d)
                .isCloseTo(24.0 / 7 - 2, org.assertj.core.data.Offset.offset(1e-9)));

        JsonNode program = status(f.as("viewer").get("/api/v1/maturity"), 200).json();
        JsonNode row = null;
        for (JsonNode e : program.get("engagements")) {
            if (e.get("engagementId").asLong() == id) {
                row = e;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.get("before").asDouble()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(row.get("after").asDouble()).isCloseTo(24.0 / 7, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(row.get("delta").asDouble()).isCloseTo(24.0 / 7 - 2, org.assertj.core.data.Offset.offset(1e-9));
        JsonNode observability = program.get("areas").get(0);
        assertThat(observability.get("area").asString()).isEqualTo("observability");
        assertThat(observability.get("engagements").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(observability.get("meanStart").isNull()).isFalse();

        assertThat(f.admin.get("/api/v1/audit?entityType=maturity-assessment").json().get("items")
                .findValuesAsString("action")).contains("create", "update");
        status(f.as("viewer").get("/api/v1/engagements/999999999/assessments"), 404);
    }

    @Test
    void theMaturityPagesShowTheMatrixTheChartAndTheProgram() throws Exception {
        long id = start();
        PageSession page = PageSession.admin(port);
        var empty = page.get("/engagements/" + id + "/maturity");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("No maturity assessment yet").contains("Data storage and recovery")
                .contains("type=\"radio\"").contains("scope=\"col\"");
        String csrf = PageSession.csrf(empty.body());
        StringBuilder form = new StringBuilder("kind=START&date=2026-11-02&assessor=&_csrf=" + csrf);
        for (MaturityArea a : MaturityArea.values()) {
            if (a != MaturityArea.CAPACITY_PLANNING) {
                form.append("&score-").append(a.key()).append("=2&note-").append(a.key()).append("=")
                        .append(PageSession.enc("<i>" + a.label() + "</i>"));
            }
        }
        var refused = page.post("/engagements/" + id + "/maturity", form.toString());
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Capacity planning: a score from 1 to 5");
        var saved = page.post("/engagements/" + id + "/maturity", form + "&score-capacity-planning=3");
        assertThat(saved.statusCode()).isEqualTo(302);
        String end = form.toString().replace("kind=START", "kind=END").replace("=2&", "=4&") + "&score-capacity-planning=5";
        assertThat(page.post("/engagements/" + id + "/maturity", end).statusCode()).isEqualTo(302);
        var shown = page.get("/engagements/" + id + "/maturity");
        assertThat(shown.body()).contains("<svg").contains("Maturity per area: start (2026-11-02) against end")
                .contains("&lt;i&gt;Observability&lt;/i&gt;").doesNotContain("<i>Observability</i>");
        assertThat(page.post("/engagements/" + id + "/maturity", form + "&score-capacity-planning=3").body())
                .contains("already has a start assessment");
        long startId = status(f.admin.get("/api/v1/engagements/" + id + "/assessments"), 200).json().get(0).get("id").asLong();
        var edit = page.get("/engagements/" + id + "/maturity?edit=" + startId);
        assertThat(edit.body()).contains("Edit the assessment").contains("name=\"version\" value=\"0\"")
                .containsPattern("value=\"3\"\\s+id=\"score-capacity-planning-3\"\\s+checked");
        var changed = page.post("/engagements/" + id + "/maturity/" + startId, form + "&score-capacity-planning=1&version=0");
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(page.post("/engagements/" + id + "/maturity/" + startId, form + "&score-capacity-planning=1&version=0").body())
                .contains("was changed by someone else");
        assertThat(status(f.admin.get("/api/v1/engagements/" + id + "/assessments/" + startId), 200).json()
                .get("scores").get(4).get("score").asInt()).isEqualTo(1);
        var program = page.get("/maturity");
        assertThat(program.statusCode()).isEqualTo(200);
        assertThat(program.body()).contains("Maturity across the program").contains("Mean before")
                .contains("Engagement " + f.run);
    }
}
