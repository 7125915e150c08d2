package dev.tandem.engagement;

import dev.tandem.support.Api;
import dev.tandem.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.tandem.engagement.RosterFixture.status;
import static org.assertj.core.api.Assertions.assertThat;

/** The roster and rotation API: who may read and change what, validation, versions, the plan and applying it. */
@IntegrationTest
class RotationApiIT {

    @LocalServerPort
    int port;

    @Autowired
    Engagements engagements;

    RosterFixture f;

    @BeforeEach
    void setUp() {
        f = new RosterFixture(port, engagements);
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static JsonNode entry(JsonNode list, String person) {
        for (JsonNode n : list) {
            if (n.get("person").asString().equals(person)) {
                return n;
            }
        }
        return null;
    }

    @Test
    void everySreIsOnTheRosterWithDefaultsAndOnlyAdminsChangeEntries() {
        JsonNode list = status(f.viewer.get("/api/v1/roster"), 200).json();
        JsonNode one = entry(list, f.sre1);
        assertThat(one).isNotNull();
        assertThat(one.get("displayName").asString()).isEqualTo("First <b>SRE</b>");
        assertThat(one.get("capacityPercent").asInt()).isEqualTo(100);
        assertThat(one.get("maxConcurrent").asInt()).isEqualTo(1);
        assertThat(one.get("skills").size()).isZero();
        assertThat(one.get("version").asInt()).isZero();
        assertThat(entry(list, f.viewerName)).as("accounts and non-SRE people are not on the roster").isNull();

        Api.Response got = status(f.viewer.get("/api/v1/roster/" + f.sre1), 200);
        assertThat(got.header("ETag")).isEqualTo("\"0\"");
        status(f.viewer.get("/api/v1/roster/" + f.viewerName), 404);

        String body = Api.json(Map.of("capacityPercent", 80, "maxConcurrent", 2, "skills", List.of("Kafka", "postgres"),
                "unavailableUntil", today().plusDays(3).toString(), "version", 0));
        status(f.viewer.put("/api/v1/roster/" + f.sre1, body), 403);
        status(f.sreAccount.put("/api/v1/roster/" + f.sre1, body), 403);

        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("capacityPercent", 150);
        bad.put("maxConcurrent", 0);
        bad.put("skills", List.of("ok", "not a tag!"));
        bad.put("version", 0);
        Api.Response refused = status(f.admin.put("/api/v1/roster/" + f.sre1, Api.json(bad)), 400);
        assertThat(refused.body()).contains("capacityPercent").contains("maxConcurrent").contains("skills[1]");
        assertThat(status(f.admin.get("/api/v1/roster/" + f.sre1), 200).json().get("version").asInt())
                .as("nothing written").isZero();
        status(f.admin.put("/api/v1/roster/" + f.sre1, "{\"capacityPercent\": 50}"), 400);

        JsonNode saved = status(f.admin.put("/api/v1/roster/" + f.sre1, body), 200).json();
        assertThat(saved.get("version").asInt()).isEqualTo(1);
        assertThat(saved.get("capacityPercent").asInt()).isEqualTo(80);
        assertThat(saved.get("maxConcurrent").asInt()).isEqualTo(2);
        assertThat(saved.get("skills").toString()).isEqualTo("[\"kafka\",\"postgres\"]");
        assertThat(saved.get("unavailableUntil").asString()).isEqualTo(today().plusDays(3).toString());

        status(f.admin.put("/api/v1/roster/" + f.sre1, body), 409);
        status(f.admin.put("/api/v1/roster/" + f.sre1, body, "\"0\""), 412);
        assertThat(status(f.admin.put("/api/v1/roster/" + f.sre1, body, "\"1\""), 200).header("ETag")).isEqualTo("\"2\"");

        JsonNode audit = status(f.admin.get("/api/v1/audit?entityType=roster-entry&entityName=" + f.sre1), 200).json();
        assertThat(audit.toString()).contains(f.sre1).contains("update");
    }

    @Test
    void settingsAreReadByAllAndChangedByAdmins() {
        Api.Response got = status(f.viewer.get("/api/v1/rotation/settings"), 200);
        JsonNode s = got.json();
        int version = s.get("version").asInt();
        int stay = s.get("maxStayDays").asInt();
        int length = s.get("defaultLengthDays").asInt();
        assertThat(got.header("ETag")).isEqualTo("\"" + version + "\"");

        String change = Api.json(Map.of("maxStayDays", 200, "defaultLengthDays", 60, "version", version));
        status(f.viewer.put("/api/v1/rotation/settings", change), 403);
        status(f.sreAccount.put("/api/v1/rotation/settings", change), 403);
        Api.Response bad = status(f.admin.put("/api/v1/rotation/settings",
                Api.json(Map.of("maxStayDays", 30, "defaultLengthDays", 60, "version", version))), 400);
        assertThat(bad.body()).contains("defaultLengthDays").contains("longer than the maximum stay");
        status(f.admin.put("/api/v1/rotation/settings", Api.json(Map.of("maxStayDays", 0, "version", version))), 400);

        JsonNode saved = status(f.admin.put("/api/v1/rotation/settings", change), 200).json();
        assertThat(saved.get("maxStayDays").asInt()).isEqualTo(200);
        assertThat(saved.get("defaultLengthDays").asInt()).isEqualTo(60);
        assertThat(saved.get("version").asInt()).isEqualTo(version + 1);
        status(f.admin.put("/api/v1/rotation/settings", change), 409);
        // back as it was, for the other tests
        status(f.admin.put("/api/v1/rotation/settings", Api.json(Map.of("maxStayDays", stay, "defaultLengthDays", length,
                "version", version + 1))), 200);
    }

    @Test
    void aProposalIsPlannedAndAppliedByAnAdminAndAStaleOneIsRefused() {
        Engagement e = f.propose(f.teamA, "kafka lag pages us nightly");
        JsonNode plan = status(f.viewer.get("/api/v1/rotation/plan"), 200).json();
        assertThat(plan.get("settings").get("maxStayDays").asInt()).isPositive();
        boolean listed = false;
        for (JsonNode p : plan.get("proposals")) {
            if (p.get("engagement").asLong() == e.id()) {
                listed = true;
                assertThat(p.get("version").asInt()).isEqualTo(e.version());
                assertThat(p.get("reasons").size()).isGreaterThan(2);
                assertThat(LocalDate.parse(p.get("start").asString())).isAfterOrEqualTo(today());
            }
        }
        for (JsonNode u : plan.get("unstaffed")) {
            if (u.get("engagement").asLong() == e.id()) {
                listed = true;
                assertThat(u.get("reasons").size()).isPositive();
            }
        }
        assertThat(listed).as("the new proposal is in the plan, staffed or with why not").isTrue();

        LocalDate start = today();
        LocalDate end = start.plusDays(89);
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("engagement", e.id());
        choice.put("version", e.version());
        choice.put("person", f.sre2);
        choice.put("sharePercent", 100);
        choice.put("plannedStart", start.toString());
        choice.put("plannedEnd", end.toString());
        status(f.viewer.post("/api/v1/rotation/plan", Api.json(choice)), 403);
        status(f.sreAccount.post("/api/v1/rotation/plan", Api.json(choice)), 403);

        Map<String, Object> stale = new LinkedHashMap<>(choice);
        stale.put("version", e.version() + 1);
        Api.Response refused = status(f.admin.post("/api/v1/rotation/plan", Api.json(stale)), 409);
        assertThat(refused.body()).contains("changed by someone else");
        Map<String, Object> invalid = new LinkedHashMap<>(choice);
        invalid.put("person", f.viewerName);
        invalid.put("plannedEnd", start.minusDays(1).toString());
        Api.Response bad = status(f.admin.post("/api/v1/rotation/plan", Api.json(invalid)), 400);
        assertThat(bad.body()).contains("person").contains("plannedEnd");
        assertThat(f.engagement(e.id()).state()).as("nothing written").isEqualTo(EngagementState.PROPOSED);

        JsonNode applied = status(f.admin.post("/api/v1/rotation/plan", Api.json(choice)), 200).json();
        assertThat(applied.get("state").asString()).isEqualTo("ACCEPTED");
        Engagement after = f.engagement(e.id());
        assertThat(after.state()).isEqualTo(EngagementState.ACCEPTED);
        assertThat(after.plannedStart()).isEqualTo(start);
        assertThat(after.plannedEnd()).isEqualTo(end);
        assertThat(after.sres()).singleElement().satisfies(s -> {
            assertThat(s.person()).isEqualTo(f.sre2);
            assertThat(s.sharePercent()).isEqualTo(100);
        });
        // the same proposal again is stale now
        assertThat(status(f.admin.post("/api/v1/rotation/plan", Api.json(choice)), 409).body()).contains("changed by someone else");

        // the SRE is full: another engagement for them over the same days is refused, and left as it was
        Engagement other = f.propose(f.teamB, null);
        Map<String, Object> overlap = new LinkedHashMap<>(choice);
        overlap.put("engagement", other.id());
        overlap.put("version", other.version());
        overlap.put("plannedStart", start.plusDays(30).toString());
        assertThat(status(f.admin.post("/api/v1/rotation/plan", Api.json(overlap)), 409).body()).contains("no longer has room");
        assertThat(f.engagement(other.id()).state()).isEqualTo(EngagementState.PROPOSED);
        assertThat(f.engagement(other.id()).version()).isEqualTo(other.version());

        // the same SRE with the same team again, after the first engagement: room, but past the maximum stay
        int maxStay = status(f.viewer.get("/api/v1/rotation/settings"), 200).json().get("maxStayDays").asInt();
        Engagement again = f.propose(f.teamA, "second round");
        Map<String, Object> longer = new LinkedHashMap<>(choice);
        longer.put("engagement", again.id());
        longer.put("version", again.version());
        longer.put("plannedStart", end.plusDays(1).toString());
        longer.put("plannedEnd", end.plusDays(maxStay).toString());
        assertThat(status(f.admin.post("/api/v1/rotation/plan", Api.json(longer)), 409).body()).contains("maximum stay");
        assertThat(f.engagement(again.id()).state()).isEqualTo(EngagementState.PROPOSED);

        // the rotation now shows the SRE embedded with the team until the end, fully used, free the day after
        JsonNode rotation = status(f.viewer.get("/api/v1/rotation"), 200).json();
        JsonNode sre = null;
        for (JsonNode s : rotation.get("sres")) {
            if (s.get("entry").get("person").asString().equals(f.sre2)) {
                sre = s;
            }
        }
        assertThat(sre).isNotNull();
        assertThat(sre.get("committedPercent").asInt()).isEqualTo(100);
        assertThat(sre.get("utilisation").asDouble()).isEqualTo(1.0);
        assertThat(sre.get("embeddedUntil").asString()).isEqualTo(end.toString());
        assertThat(sre.get("freeFrom").asString()).isEqualTo(end.plusDays(1).toString());
        assertThat(sre.get("assignments").get(0).get("team").asString()).isEqualTo(f.teamA);
        assertThat(rotation.get("capacityPercent").asInt()).isGreaterThanOrEqualTo(200);
        assertThat(rotation.get("utilisation").asDouble()).isBetween(0.0, 1.0);

        // the next plan does not propose the full SRE for the other team before the end
        for (JsonNode p : status(f.admin.get("/api/v1/rotation/plan"), 200).json().get("proposals")) {
            if (p.get("person").asString().equals(f.sre2)) {
                assertThat(LocalDate.parse(p.get("start").asString())).isAfter(end);
            }
        }
    }
}
