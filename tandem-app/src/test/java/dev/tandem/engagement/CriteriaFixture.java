package dev.tandem.engagement;

import dev.tandem.shared.Actor;
import dev.tandem.support.Api;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A team with users for every part (a member, a member of another team, an embedded SRE who is also a
 * person with the SRE role, a reviewing SRE and a viewer), services, and engagements started through
 * the module's API as an admin. Names carry a run id, since integration tests share a context.
 */
final class CriteriaFixture {

    final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    final Api admin;
    final String team = "ct-" + run;
    final Map<String, Api> users = new LinkedHashMap<>();
    final int port;

    CriteriaFixture(int port) {
        this.port = port;
        admin = Api.at(port).admin();
        status(admin.post("/api/v1/teams", Api.json(Map.of("name", team))), 201);
        status(admin.post("/api/v1/teams", Api.json(Map.of("name", "other-" + team))), 201);
        user("member", "MEMBER", "ENGINEER", team);
        user("outsider", "MEMBER", "ENGINEER", "other-" + team);
        user("esre", "SRE", "SRE", null);
        user("reviewer", "SRE", "ENGINEER", null);
        user("viewer", "VIEWER", "ENGINEER", null);
    }

    String username(String part) {
        return part + "-" + run;
    }

    Api as(String part) {
        return users.get(part);
    }

    private void user(String part, String role, String personRole, String memberOf) {
        String username = username(part);
        status(admin.post("/api/v1/users", Api.json(Map.of("username", username, "role", role,
                "password", "password-of-" + username))), 201);
        status(admin.post("/api/v1/people", Api.json(Map.of("name", username, "role", personRole))), 201);
        if (memberOf != null) {
            status(admin.put("/api/v1/teams/" + memberOf + "/members/" + username, "{}"), 200);
        }
        users.put(part, Api.at(port).bearer(admin.tokenFor(username)));
    }

    String service(String base, String level) {
        String name = base + "-" + run;
        status(admin.post("/api/v1/services", Api.json(Map.of("name", name, "owner", team, "readinessLevel", level,
                "lifecycle", "production", "type", "service"))), 201);
        return name;
    }

    /** Proposes, plans (the embedded SRE), writes the charter with the criteria, and (if {@code start}) starts it. */
    long engagement(Engagements engagements, Charters charters, List<String> services, List<Map<String, Object>> criteria,
                    int holdDays, LocalDate plannedEnd, boolean start) {
        return Actor.runAs(Actor.system(), () -> {
            Engagement e = engagements.propose(new Proposal(team, "Engagement " + run, services, "pages at night", 3, 1,
                    30, null, "sleep", 4, 4, "none", 2, null));
            LocalDate end = plannedEnd == null ? LocalDate.now().plusMonths(3) : plannedEnd;
            e = engagements.plan(e.id(), new Plan(end.minusMonths(3), end,
                    List.of(new Plan.Assignment(username("esre"), 50)), e.version()));
            charters.save(e.id(), new CharterDraft("bg", "goal", "value", "intent", List.of(), List.of(), null, null,
                    List.of(), holdDays, criteria, 0));
            if (start) {
                e = engagements.accept(e.id(), "a good fit", e.version());
                e = engagements.move(e.id(), EngagementState.LEARNING, null, e.version());
            }
            return e.id();
        });
    }

    JsonNode readiness(long id) {
        return status(as("viewer").get("/api/v1/engagements/" + id + "/exit-readiness"), 200).json();
    }

    static JsonNode criterion(JsonNode readiness, String key) {
        for (JsonNode c : readiness.get("criteria")) {
            if (c.get("key").asString().equals(key)) {
                return c;
            }
        }
        throw new AssertionError("no criterion " + key + " in " + readiness);
    }

    static String state(JsonNode readiness, String key) {
        return criterion(readiness, key).get("state").asString();
    }

    static Api.Response status(Api.Response r, int expected) {
        assertThat(r.status()).as(r.body()).isEqualTo(expected);
        return r;
    }
}
