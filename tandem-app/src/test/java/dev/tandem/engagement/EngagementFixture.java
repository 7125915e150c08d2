package dev.tandem.engagement;

import dev.tandem.support.Api;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A team with a service and users for each part: a member of the team, a member of another team, an SRE
 * (a person with the SRE role, to embed) and a viewer, each with an API token. Names carry a run id.
 */
public final class EngagementFixture {

    public final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    public final Api admin;
    public final String team = "eng-" + run;
    public final String otherTeam = "other-eng-" + run;
    public final Map<String, Api> users = new LinkedHashMap<>();
    private final int port;

    public EngagementFixture(int port) {
        this.port = port;
        admin = Api.at(port).admin();
        status(admin.post("/api/v1/teams", Api.json(Map.of("name", team))), 201);
        status(admin.post("/api/v1/teams", Api.json(Map.of("name", otherTeam))), 201);
        user("member", "MEMBER", "ENGINEER", team);
        user("outsider", "MEMBER", "ENGINEER", otherTeam);
        user("sre", "SRE", "SRE", null);
        user("viewer", "VIEWER", "ENGINEER", null);
    }

    public Api as(String part) {
        return users.get(part);
    }

    public String username(String part) {
        return part + "-" + run;
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

    public String service(String base, String level, String owner) {
        String name = base + "-" + run;
        status(admin.post("/api/v1/services", Api.json(Map.of("name", name, "owner", owner, "readinessLevel", level,
                "lifecycle", "production", "type", "service"))), 201);
        return name;
    }

    /** A proposal by the team's member; answers the created engagement. */
    public JsonNode propose(String title, List<String> services, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("team", team, "title", title, "services", services));
        body.putAll(extra);
        return status(as("member").post("/api/v1/engagements", Api.json(body)), 201).json();
    }

    /** Planned with the fixture's SRE embedded full time, a charter with one manual criterion, accepted. */
    public JsonNode acceptedAndChartered(long id) {
        JsonNode e = status(admin.get("/api/v1/engagements/" + id), 200).json();
        e = status(admin.put("/api/v1/engagements/" + id + "/plan", Api.json(Map.of("plannedStart", "2026-12-01",
                "plannedEnd", "2027-03-01", "sres", List.of(Map.of("person", username("sre"), "sharePercent", 100)),
                "version", e.get("version").asInt()))), 200).json();
        status(as("member").put("/api/v1/engagements/" + id + "/charter", Api.json(Map.of("goal", "Page less",
                "exitCriteria", List.of(Map.of("kind", "manual", "title", "The team runs its own postmortems")),
                "version", 0))), 200);
        return status(admin.post("/api/v1/engagements/" + id + "/accept", Api.json(Map.of("reason", "good fit",
                "version", e.get("version").asInt()))), 200).json();
    }

    public static Api.Response status(Api.Response r, int expected) {
        assertThat(r.status()).as(r.body()).isEqualTo(expected);
        return r;
    }
}
