package dev.tandem.readiness;

import dev.tandem.support.Api;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A team with a service and one user per part: a member of the team, a member of another team, two SREs
 * and a viewer, each with an API token. Names carry a run id, since integration tests share a context.
 */
final class ReadinessFixture {

    final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    final Api admin;
    final String team = "rt-" + run;
    final Map<String, Api> users = new LinkedHashMap<>();
    final int port;

    ReadinessFixture(int port) {
        this.port = port;
        admin = Api.at(port).admin();
        status(admin.post("/api/v1/teams", Api.json(Map.of("name", team, "chatChannel", "#" + team))), 201);
        status(admin.post("/api/v1/teams", Api.json(Map.of("name", "other-" + team))), 201);
        user("member", "MEMBER", team);
        user("outsider", "MEMBER", "other-" + team);
        user("sre1", "SRE", null);
        user("sre2", "SRE", null);
        user("viewer", "VIEWER", null);
    }

    String username(String part) {
        return part + "-" + run;
    }

    Api as(String part) {
        return users.get(part);
    }

    private void user(String part, String role, String memberOf) {
        String username = username(part);
        status(admin.post("/api/v1/users", Api.json(Map.of("username", username, "role", role,
                "password", "password-of-" + username))), 201);
        status(admin.post("/api/v1/people", Api.json(Map.of("name", username, "role", "ENGINEER"))), 201);
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

    JsonNode readiness(String service) {
        Api.Response r = admin.get("/api/v1/services/" + service + "/readiness");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static Api.Response status(Api.Response r, int expected) {
        assertThat(r.status()).as(r.body()).isEqualTo(expected);
        return r;
    }
}
