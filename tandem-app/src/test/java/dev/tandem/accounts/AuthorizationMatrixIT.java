package dev.tandem.accounts;

import dev.tandem.support.Api;
import dev.tandem.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every role, on its own team's records and on another team's, against every kind of change and a few
 * reads. The rules are the table in {@link #RULES}; each case checks the exact status and, when the
 * action is refused, that nothing was written.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT {

    /** Who may do an action. */
    enum Rule {
        /** admins, SREs, and members of the team that owns the record */
        TEAM_MEMBERS,
        /** admins and SREs */
        CURATORS,
        /** admins only */
        ADMINS,
        /** anyone signed in */
        ANYONE;

        boolean allows(String role, boolean ownTeam) {
            return switch (this) {
                case ANYONE -> true;
                case ADMINS -> role.equals("admin");
                case CURATORS -> role.equals("admin") || role.equals("sre");
                case TEAM_MEMBERS -> role.equals("admin") || role.equals("sre") || (role.equals("member") && ownTeam);
            };
        }
    }

    enum Action {
        CREATE_SERVICE("create a service for the team", 201),
        UPDATE_SERVICE("update the team's service", 200),
        DELETE_SERVICE("delete the team's service", 204),
        UPDATE_TEAM("update the team", 200),
        ADD_MEMBER("add a member to the team", 200),
        CREATE_TEAM("create a team", 201),
        CREATE_PERSON("create a person", 201),
        IMPORT_COMPONENT("import a Component owned by the team", 200),
        IMPORT_GROUP("import a Group", 200),
        LIST_USERS("list users", 200),
        ISSUE_TOKEN("issue a token", 201),
        READ_AUDIT("read the audit log", 200),
        READ_SERVICE("read the team's service", 200);

        final String description;
        final int successStatus;

        Action(String description, int successStatus) {
            this.description = description;
            this.successStatus = successStatus;
        }
    }

    /** The authorization rules as the product states them. */
    static final Map<Action, Rule> RULES = new EnumMap<>(Map.ofEntries(
            Map.entry(Action.CREATE_SERVICE, Rule.TEAM_MEMBERS),
            Map.entry(Action.UPDATE_SERVICE, Rule.TEAM_MEMBERS),
            Map.entry(Action.DELETE_SERVICE, Rule.TEAM_MEMBERS),
            Map.entry(Action.UPDATE_TEAM, Rule.TEAM_MEMBERS),
            Map.entry(Action.ADD_MEMBER, Rule.TEAM_MEMBERS),
            Map.entry(Action.IMPORT_COMPONENT, Rule.TEAM_MEMBERS),
            Map.entry(Action.CREATE_TEAM, Rule.CURATORS),
            Map.entry(Action.CREATE_PERSON, Rule.CURATORS),
            Map.entry(Action.IMPORT_GROUP, Rule.CURATORS),
            Map.entry(Action.LIST_USERS, Rule.ADMINS),
            Map.entry(Action.ISSUE_TOKEN, Rule.ADMINS),
            Map.entry(Action.READ_AUDIT, Rule.ADMINS),
            Map.entry(Action.READ_SERVICE, Rule.ANYONE)));

    static final List<String> ROLES = List.of("admin", "sre", "member", "viewer");

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String role : ROLES) {
            for (boolean ownTeam : new boolean[] {true, false}) {
                for (Action action : Action.values()) {
                    boolean allowed = RULES.get(action).allows(role, ownTeam);
                    cases.add(Arguments.argumentSet(
                            role + (ownTeam ? " in the owning team" : " outside the owning team") + ": "
                            + action.description + " -> " + (allowed ? action.successStatus : 403),
                            role, ownTeam, action, allowed));
                }
            }
        }
        return cases.stream();
    }

    @LocalServerPort
    int port;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicInteger counter = new AtomicInteger();
    private final Map<String, String> usernames = new java.util.HashMap<>();
    private final Map<String, Api> callers = new java.util.HashMap<>();
    private String ownedTeam;
    private String otherTeam;
    private Api admin;

    @BeforeAll
    void createUsersPeopleTeamsAndTokens() {
        admin = Api.at(port).admin();
        ownedTeam = "owned-" + run;
        otherTeam = "other-" + run;
        created(admin.post("/api/v1/teams", Api.json(Map.of("name", ownedTeam))));
        created(admin.post("/api/v1/teams", Api.json(Map.of("name", otherTeam))));
        for (String role : ROLES) {
            String username = role + "-" + run;
            usernames.put(role, username);
            created(admin.post("/api/v1/users", Api.json(Map.of("username", username, "role", role.toUpperCase(),
                    "password", "password-of-" + username))));
            created(admin.post("/api/v1/people", Api.json(Map.of("name", username, "role", "ENGINEER"))));
            ok(admin.put("/api/v1/teams/" + ownedTeam + "/members/" + username, "{}"));
            callers.put(role, Api.at(port).bearer(admin.tokenFor(username)));
        }
        created(admin.post("/api/v1/services", service("svc-" + ownedTeam, ownedTeam)));
        created(admin.post("/api/v1/services", service("svc-" + otherTeam, otherTeam)));

        JsonNode owned = admin.get("/api/v1/teams/" + ownedTeam).json();
        assertThat(owned.get("members").findValuesAsString("person"))
                .as("members of %s", ownedTeam).containsAll(usernames.values());
        assertThat(admin.get("/api/v1/teams/" + otherTeam).json().get("members")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void roleOwnershipAction(String role, boolean ownTeam, Action action, boolean allowed) {
        Api caller = callers.get(role);
        String team = ownTeam ? ownedTeam : otherTeam;
        String fresh = action.name().toLowerCase().replace('_', '-') + "-" + run + "-" + counter.incrementAndGet();
        int expected = allowed ? action.successStatus : 403;

        switch (action) {
            case CREATE_SERVICE -> {
                Api.Response r = caller.post("/api/v1/services", service(fresh, team));
                assertStatus(r, expected);
                assertThat(admin.get("/api/v1/services/" + fresh).status()).isEqualTo(allowed ? 200 : 404);
            }
            case UPDATE_SERVICE -> {
                created(admin.post("/api/v1/services", service(fresh, team)));
                Api.Response r = caller.put("/api/v1/services/" + fresh, Api.json(Map.of("name", fresh, "owner", team,
                        "readinessLevel", "A", "title", "Changed by " + role, "version", 0)));
                assertStatus(r, expected);
                JsonNode after = admin.get("/api/v1/services/" + fresh).json();
                assertThat(after.get("version").asInt()).isEqualTo(allowed ? 1 : 0);
                assertThat(after.get("readinessLevel").asString()).isEqualTo(allowed ? "A" : "B");
            }
            case DELETE_SERVICE -> {
                created(admin.post("/api/v1/services", service(fresh, team)));
                assertStatus(caller.delete("/api/v1/services/" + fresh), expected);
                assertThat(admin.get("/api/v1/services/" + fresh).status()).isEqualTo(allowed ? 404 : 200);
            }
            case UPDATE_TEAM -> {
                JsonNode before = admin.get("/api/v1/teams/" + team).json();
                int version = before.get("version").asInt();
                Api.Response r = caller.put("/api/v1/teams/" + team, Api.json(Map.of("name", team,
                        "description", fresh, "version", version)));
                assertStatus(r, expected);
                JsonNode after = admin.get("/api/v1/teams/" + team).json();
                assertThat(after.get("version").asInt()).isEqualTo(allowed ? version + 1 : version);
                if (allowed) {
                    assertThat(after.get("description").asString()).isEqualTo(fresh);
                } else {
                    assertThat(after.path("description").asString(null)).isEqualTo(before.path("description").asString(null));
                }
            }
            case ADD_MEMBER -> {
                created(admin.post("/api/v1/people", Api.json(Map.of("name", fresh, "role", "ENGINEER"))));
                int version = admin.get("/api/v1/teams/" + team).json().get("version").asInt();
                assertStatus(caller.put("/api/v1/teams/" + team + "/members/" + fresh, "{\"role\":\"MEMBER\"}"), expected);
                JsonNode after = admin.get("/api/v1/teams/" + team).json();
                assertThat(after.get("members").findValuesAsString("person")).as("members of %s", team)
                        .matches(members -> members.contains(fresh) == allowed);
                assertThat(after.get("version").asInt()).isEqualTo(allowed ? version + 1 : version);
            }
            case CREATE_TEAM -> {
                assertStatus(caller.post("/api/v1/teams", Api.json(Map.of("name", fresh))), expected);
                assertThat(admin.get("/api/v1/teams/" + fresh).status()).isEqualTo(allowed ? 200 : 404);
            }
            case CREATE_PERSON -> {
                assertStatus(caller.post("/api/v1/people", Api.json(Map.of("name", fresh, "role", "ENGINEER"))), expected);
                assertThat(admin.get("/api/v1/people/" + fresh).status()).isEqualTo(allowed ? 200 : 404);
            }
            case IMPORT_COMPONENT -> {
                Api.Response r = caller.postYaml("/api/v1/catalog/import", """
                        apiVersion: backstage.io/v1alpha1
                        kind: Component
                        metadata:
                          name: %s
                        spec:
                          type: service
                          lifecycle: production
                          owner: %s
                        """.formatted(fresh, team));
                assertStatus(r, expected);
                if (allowed) {
                    assertThat(r.json().get("created").asInt()).isEqualTo(1);
                }
                Api.Response stored = admin.get("/api/v1/services/" + fresh);
                assertThat(stored.status()).isEqualTo(allowed ? 200 : 404);
                if (allowed) {
                    assertThat(stored.json().get("owner").asString()).isEqualTo(team);
                }
            }
            case IMPORT_GROUP -> {
                Api.Response r = caller.postYaml("/api/v1/catalog/import", """
                        apiVersion: backstage.io/v1alpha1
                        kind: Group
                        metadata:
                          name: %s
                        spec:
                          type: team
                          children: []
                        """.formatted(fresh));
                assertStatus(r, expected);
                assertThat(admin.get("/api/v1/teams/" + fresh).status()).isEqualTo(allowed ? 200 : 404);
            }
            case LIST_USERS -> {
                Api.Response r = caller.get("/api/v1/users?q=" + run + "&size=50");
                assertStatus(r, expected);
                if (allowed) {
                    assertThat(r.json().get("items").findValuesAsString("username")).containsAll(usernames.values());
                }
            }
            case ISSUE_TOKEN -> {
                Api.Response r = caller.post("/api/v1/tokens", Api.json(Map.of("name", fresh, "username", usernames.get("viewer"))));
                assertStatus(r, expected);
                List<String> names = admin.get("/api/v1/tokens?size=500").json().get("items").findValuesAsString("name");
                assertThat(names.contains(fresh)).as("token %s listed", fresh).isEqualTo(allowed);
                if (allowed) {
                    String secret = r.json().get("token").asString();
                    assertThat(Api.at(port).bearer(secret).get("/api/v1/me").json().get("username").asString())
                            .isEqualTo(usernames.get("viewer"));
                }
            }
            case READ_AUDIT -> {
                Api.Response r = caller.get("/api/v1/audit?entityName=" + team);
                assertStatus(r, expected);
                if (allowed) {
                    assertThat(r.json().get("items").findValuesAsString("action")).contains("create");
                }
            }
            case READ_SERVICE -> {
                Api.Response r = caller.get("/api/v1/services/svc-" + team);
                assertStatus(r, expected);
                assertThat(r.json().get("owner").asString()).isEqualTo(team);
            }
        }
    }

    private static void assertStatus(Api.Response r, int expected) {
        assertThat(r.status()).as("status of %s %s: %s", r.raw().request().method(), r.raw().request().uri(), r.body())
                .isEqualTo(expected);
        if (expected == 403) {
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.json().get("status").asInt()).isEqualTo(403);
        }
    }

    private static String service(String name, String owner) {
        return Api.json(Map.of("name", name, "owner", owner, "readinessLevel", "B"));
    }

    private static void created(Api.Response r) {
        assertThat(r.status()).as("setup: %s", r.body()).isEqualTo(201);
    }

    private static void ok(Api.Response r) {
        assertThat(r.status()).as("setup: %s", r.body()).isEqualTo(200);
    }
}
