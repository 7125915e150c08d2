package dev.tandem.catalog;

import dev.tandem.support.Api;
import dev.tandem.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog REST API as a client sees it: CRUD of teams, people, systems and services, validation,
 * optimistic locking, lists, dependencies, members and the audit trail. The context is shared with
 * other integration tests, so every test uses names of its own and counts relative to what it made.
 */
@IntegrationTest
class CatalogApiIT {

    @LocalServerPort
    int port;

    private Api api;
    /** A suffix that makes this test's names unique in the shared catalog. */
    private String id;

    @BeforeEach
    void setUp() {
        api = Api.at(port).admin();
        id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    // --- helpers -------------------------------------------------------------------------------------

    private String name(String base) {
        return base + "-" + id;
    }

    private static String json(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return Api.json(map);
    }

    private JsonNode createTeam(String name) {
        Api.Response r = api.post("/api/v1/teams", json("name", name, "displayName", "Team " + name));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private JsonNode createPerson(String name) {
        Api.Response r = api.post("/api/v1/people", json("name", name, "displayName", "Person " + name, "role", "ENGINEER"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private JsonNode createService(String name, String owner, Object... extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("owner", owner);
        body.put("readinessLevel", "B");
        for (int i = 0; i < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        Api.Response r = api.post("/api/v1/services", Api.json(body));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    /** Null fields are left out of the API's JSON. */
    private static boolean absent(JsonNode node, String field) {
        return node.get(field) == null || node.get(field).isNull();
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            out.add(field == null ? array.get(i).asString() : array.get(i).get(field).asString());
        }
        return out;
    }

    private static List<String> errorFields(Api.Response r) {
        return texts(r.json().get("errors"), "field");
    }

    private static void assertProblem(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = r.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
    }

    private List<String> serviceNames(String query) {
        Api.Response r = api.get("/api/v1/services?" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return texts(r.json().get("items"), "name");
    }

    // --- CRUD round trips ----------------------------------------------------------------------------

    @Test
    void teamCrudRoundTrip() {
        String team = name("team");
        Api.Response created = api.post("/api/v1/teams", json("name", team, "displayName", "The Team",
                "description", "Does things.", "chatChannel", "#the-team", "email", "team@example.com"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/v1/teams/" + team);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(created.json().get("type").asString()).isEqualTo("team");

        Api.Response read = api.get("/api/v1/teams/" + team);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"0\"");
        assertThat(read.json().get("displayName").asString()).isEqualTo("The Team");
        assertThat(read.json().get("email").asString()).isEqualTo("team@example.com");

        Api.Response updated = api.put("/api/v1/teams/" + team, json("name", team, "displayName", "Renamed Team",
                "description", "Does other things.", "version", 0));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("version").asInt()).isEqualTo(1);
        assertThat(updated.header("ETag")).isEqualTo("\"1\"");
        assertThat(api.get("/api/v1/teams/" + team).json().get("displayName").asString()).isEqualTo("Renamed Team");
        assertThat(absent(api.get("/api/v1/teams/" + team).json(), "chatChannel")).isTrue();

        assertThat(api.delete("/api/v1/teams/" + team).status()).isEqualTo(204);
        assertProblem(api.get("/api/v1/teams/" + team), 404);
    }

    @Test
    void personCrudRoundTrip() {
        String person = name("person");
        Api.Response created = api.post("/api/v1/people", json("name", person, "displayName", "Pat",
                "email", "pat@example.com", "role", "SRE"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("role").asString()).isEqualTo("SRE");

        Api.Response updated = api.put("/api/v1/people/" + person, json("name", person, "displayName", "Pat Doe",
                "email", "pat.doe@example.com", "role", "MANAGER", "version", 0));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        JsonNode read = api.get("/api/v1/people/" + person).json();
        assertThat(read.get("displayName").asString()).isEqualTo("Pat Doe");
        assertThat(read.get("email").asString()).isEqualTo("pat.doe@example.com");
        assertThat(read.get("role").asString()).isEqualTo("MANAGER");
        assertThat(read.get("version").asInt()).isEqualTo(1);

        assertThat(api.get("/api/v1/people?role=MANAGER&q=" + person).json().get("totalItems").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/people?role=SRE&q=" + person).json().get("totalItems").asLong()).isZero();

        assertThat(api.delete("/api/v1/people/" + person).status()).isEqualTo(204);
        assertProblem(api.get("/api/v1/people/" + person), 404);
    }

    @Test
    void systemCrudRoundTrip() {
        String team = name("sys-owner");
        createTeam(team);
        String system = name("system");
        Api.Response created = api.post("/api/v1/systems", json("name", system, "title", "A System", "owner", team));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("owner").asString()).isEqualTo(team);
        createService(name("in-system"), team, "system", system);
        assertThat(api.get("/api/v1/systems/" + system).json().get("serviceCount").asLong()).isEqualTo(1);

        Api.Response updated = api.put("/api/v1/systems/" + system, json("name", system, "title", "The System",
                "description", "Groups services.", "owner", team, "version", 0));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/systems/" + system).json().get("title").asString()).isEqualTo("The System");
        assertThat(texts(api.get("/api/v1/systems?q=" + system).json().get("items"), "name")).containsExactly(system);

        assertThat(api.delete("/api/v1/systems/" + system).status()).isEqualTo(204);
        assertProblem(api.get("/api/v1/systems/" + system), 404);
    }

    @Test
    void serviceCrudRoundTrip() {
        String team = name("svc-owner");
        String other = name("svc-owner2");
        createTeam(team);
        createTeam(other);
        String service = name("svc");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", service);
        body.put("title", "Checkout");
        body.put("description", "Takes orders.");
        body.put("type", "website");
        body.put("owner", team);
        body.put("readinessLevel", "A");
        body.put("lifecycle", "experimental");
        body.put("tier", 1);
        body.put("repositoryUrl", "https://git.example.com/checkout");
        body.put("runbookUrl", "https://runbooks.example.com/checkout");
        body.put("tags", List.of("java", "tier-1"));
        body.put("links", List.of(Map.of("url", "https://grafana.example.com/d/x", "title", "Dash", "type", "dashboard")));
        Api.Response created = api.post("/api/v1/services", Api.json(body));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/v1/services/" + service);

        JsonNode read = api.get("/api/v1/services/" + service).json();
        assertThat(read.get("title").asString()).isEqualTo("Checkout");
        assertThat(read.get("type").asString()).isEqualTo("website");
        assertThat(read.get("owner").asString()).isEqualTo(team);
        assertThat(read.get("readinessLevel").asString()).isEqualTo("A");
        assertThat(read.get("lifecycle").asString()).isEqualTo("experimental");
        assertThat(read.get("tier").asInt()).isEqualTo(1);
        assertThat(read.get("repositoryUrl").asString()).isEqualTo("https://git.example.com/checkout");
        assertThat(read.get("runbookUrl").asString()).isEqualTo("https://runbooks.example.com/checkout");
        assertThat(texts(read.get("tags"), null)).containsExactly("java", "tier-1");
        assertThat(read.get("links").get(0).get("type").asString()).isEqualTo("dashboard");
        assertThat(read.get("version").asInt()).isZero();

        body.put("owner", other);
        body.put("readinessLevel", "C");
        body.put("tier", null);
        body.put("tags", List.of("go"));
        body.put("version", 0);
        Api.Response updated = api.put("/api/v1/services/" + service, Api.json(body));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        JsonNode after = api.get("/api/v1/services/" + service).json();
        assertThat(after.get("owner").asString()).isEqualTo(other);
        assertThat(after.get("readinessLevel").asString()).isEqualTo("C");
        assertThat(absent(after, "tier")).isTrue();
        assertThat(texts(after.get("tags"), null)).containsExactly("go");
        assertThat(after.get("version").asInt()).isEqualTo(1);

        assertThat(api.delete("/api/v1/services/" + service).status()).isEqualTo(204);
        assertProblem(api.get("/api/v1/services/" + service), 404);
        // the team gave its only service away and is free to go; the service is gone
        assertThat(api.delete("/api/v1/teams/" + other).status()).isEqualTo(204);
    }

    // --- validation ----------------------------------------------------------------------------------

    @Test
    void everyBadFieldIsNamedAndNothingIsCreated() {
        String team = name("val-owner");
        createTeam(team);
        long before = api.get("/api/v1/services?owner=" + team).json().get("totalItems").asLong();

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "bad--name");
        body.put("owner", team);
        body.put("description", "x".repeat(4001));
        body.put("repositoryUrl", "not a url");
        body.put("tier", 5);
        Api.Response r = api.post("/api/v1/services", Api.json(body));

        assertProblem(r, 400);
        assertThat(errorFields(r)).contains("name", "description", "repositoryUrl", "tier", "readinessLevel");
        assertThat(r.json().get("errors").get(0).get("message").asString()).isNotBlank();
        assertThat(api.get("/api/v1/services?owner=" + team).json().get("totalItems").asLong()).isEqualTo(before);
        assertProblem(api.get("/api/v1/services/bad--name"), 404);
    }

    @Test
    void oneBadFieldOnAGoodNameCreatesNothing() {
        String team = name("val2-owner");
        createTeam(team);
        String service = name("val2-svc");

        Api.Response r = api.post("/api/v1/services", json("name", service, "owner", team, "readinessLevel", "B",
                "tier", 5));

        assertProblem(r, 400);
        assertThat(errorFields(r)).containsExactly("tier");
        assertProblem(api.get("/api/v1/services/" + service), 404);
    }

    @Test
    void badTeamAndPersonFieldsAreNamed() {
        Api.Response team = api.post("/api/v1/teams", json("name", "bad--team", "email", "not-an-email"));
        assertProblem(team, 400);
        assertThat(errorFields(team)).contains("name", "email");

        Api.Response person = api.post("/api/v1/people", json("name", name("nobody")));
        assertProblem(person, 400);
        assertThat(errorFields(person)).containsExactly("role");
        assertProblem(api.get("/api/v1/people/" + name("nobody")), 404);
    }

    @Test
    void anUnknownOwnerIsAFieldError() {
        String service = name("orphan");
        Api.Response r = api.post("/api/v1/services", json("name", service, "owner", name("no-such-team"),
                "readinessLevel", "B"));

        assertProblem(r, 400);
        assertThat(errorFields(r)).containsExactly("owner");
        assertThat(r.json().get("errors").get(0).get("message").asString()).contains(name("no-such-team"));
        assertProblem(api.get("/api/v1/services/" + service), 404);
    }

    @Test
    void aDuplicateNameIsAConflict() {
        String team = name("dup-owner");
        createTeam(team);
        String service = name("dup");
        createService(service, team, "description", "first");

        assertProblem(api.post("/api/v1/teams", json("name", team)), 409);
        Api.Response again = api.post("/api/v1/services", json("name", service, "owner", team, "readinessLevel", "C",
                "description", "second"));
        assertProblem(again, 409);
        JsonNode stored = api.get("/api/v1/services/" + service).json();
        assertThat(stored.get("description").asString()).isEqualTo("first");
        assertThat(stored.get("readinessLevel").asString()).isEqualTo("B");
    }

    @Test
    void unknownRecordsAreNotFoundProblems() {
        for (String kind : List.of("teams", "people", "services", "systems")) {
            Api.Response r = api.get("/api/v1/" + kind + "/" + name("missing"));
            assertProblem(r, 404);
            assertThat(r.json().get("detail").asString()).contains(name("missing"));
        }
        assertProblem(api.get("/api/v1/services/" + name("missing") + "/dependents"), 404);
    }

    // --- optimistic locking --------------------------------------------------------------------------

    @Test
    void aStaleBodyVersionIsAConflictAndChangesNothing() {
        String team = name("lock-owner");
        createTeam(team);
        String service = name("lock");
        createService(service, team, "description", "original");
        Api.Response first = api.put("/api/v1/services/" + service, json("name", service, "owner", team,
                "readinessLevel", "B", "description", "first edit", "version", 0));
        assertThat(first.status()).as(first.body()).isEqualTo(200);

        Api.Response stale = api.put("/api/v1/services/" + service, json("name", service, "owner", team,
                "readinessLevel", "A", "description", "lost edit", "version", 0));

        assertProblem(stale, 409);
        assertThat(stale.json().get("currentVersion").asInt()).isEqualTo(1);
        JsonNode stored = api.get("/api/v1/services/" + service).json();
        assertThat(stored.get("description").asString()).isEqualTo("first edit");
        assertThat(stored.get("readinessLevel").asString()).isEqualTo("B");
        assertThat(stored.get("version").asInt()).isEqualTo(1);
    }

    @Test
    void anUpdateWithoutAnyVersionIsRefused() {
        String team = name("nover-owner");
        createTeam(team);
        Api.Response r = api.put("/api/v1/teams/" + team, json("name", team, "displayName", "Changed"));

        assertProblem(r, 400);
        assertThat(errorFields(r)).containsExactly("version");
        assertThat(api.get("/api/v1/teams/" + team).json().get("displayName").asString()).isEqualTo("Team " + team);
    }

    @Test
    void ifMatchPreconditionsGuardUpdates() {
        String team = name("etag-owner");
        createTeam(team);
        String service = name("etag");
        createService(service, team, "description", "v0");
        String etag = api.get("/api/v1/services/" + service).header("ETag");
        assertThat(etag).isEqualTo("\"0\"");

        Api.Response good = api.put("/api/v1/services/" + service,
                json("name", service, "owner", team, "readinessLevel", "B", "description", "v1"), etag);
        assertThat(good.status()).as(good.body()).isEqualTo(200);
        assertThat(good.header("ETag")).isEqualTo("\"1\"");
        assertThat(good.json().get("version").asInt()).isEqualTo(1);

        Api.Response stale = api.put("/api/v1/services/" + service,
                json("name", service, "owner", team, "readinessLevel", "B", "description", "lost"), etag);
        assertProblem(stale, 412);
        assertThat(api.get("/api/v1/services/" + service).json().get("description").asString()).isEqualTo("v1");

        // a stale If-Match also guards deletes
        assertProblem(api.delete("/api/v1/services/" + service, etag), 412);
        assertThat(api.get("/api/v1/services/" + service).status()).isEqualTo(200);
        assertThat(api.delete("/api/v1/services/" + service, "\"1\"").status()).isEqualTo(204);
    }

    // --- text is stored as typed ---------------------------------------------------------------------

    @Test
    void markupInTextFieldsIsStoredAndReturnedExactlyAsTyped() {
        String markup = "<script>alert(1)</script> & \"quotes\" 'apostrophes' <b>bold</b>";
        String team = name("markup");
        Api.Response t = api.post("/api/v1/teams", json("name", team, "displayName", markup, "description", markup));
        assertThat(t.status()).as(t.body()).isEqualTo(201);
        String service = name("markup-svc");
        createService(service, team, "title", markup, "description", markup);

        JsonNode s = api.get("/api/v1/services/" + service).json();
        assertThat(s.get("title").asString()).isEqualTo(markup);
        assertThat(s.get("description").asString()).isEqualTo(markup);
        JsonNode read = api.get("/api/v1/teams/" + team).json();
        assertThat(read.get("displayName").asString()).isEqualTo(markup);
        assertThat(read.get("description").asString()).isEqualTo(markup);
        assertThat(texts(api.get("/api/v1/services?q=" + service).json().get("items"), "description"))
                .containsExactly(markup);
    }

    // --- lists ---------------------------------------------------------------------------------------

    @Test
    void listsArePagedSortedSearchedAndFiltered() {
        String teamA = name("list-a");
        String teamB = name("list-b");
        createTeam(teamA);
        createTeam(teamB);
        String token = "lst" + id;
        List<String> names = List.of(token + "-e", token + "-a", token + "-d", token + "-b", token + "-c");
        createService(names.get(0), teamA, "tags", List.of("java", "http"));
        createService(names.get(1), teamA, "tags", List.of("go"));
        createService(names.get(2), teamB, "tags", List.of("java"));
        api.post("/api/v1/services", json("name", names.get(3), "owner", teamB, "readinessLevel", "A",
                "description", "the needle is here"));
        api.post("/api/v1/services", json("name", names.get(4), "owner", teamB, "readinessLevel", "C",
                "tags", List.of("javascript")));
        List<String> sorted = names.stream().sorted().toList();

        // paging: three distinct pages of at most two
        Set<String> seen = new HashSet<>();
        List<String> inOrder = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonNode p = api.get("/api/v1/services?q=" + token + "&size=2&page=" + page).json();
            assertThat(p.get("totalItems").asLong()).isEqualTo(5);
            assertThat(p.get("totalPages").asInt()).isEqualTo(3);
            assertThat(p.get("page").asInt()).isEqualTo(page);
            assertThat(p.get("size").asInt()).isEqualTo(2);
            List<String> items = texts(p.get("items"), "name");
            assertThat(items).hasSize(page < 2 ? 2 : 1);
            assertThat(seen).doesNotContainAnyElementsOf(items);
            seen.addAll(items);
            inOrder.addAll(items);
        }
        assertThat(inOrder).containsExactlyElementsOf(sorted);
        assertThat(texts(api.get("/api/v1/services?q=" + token + "&size=2&page=3").json().get("items"), "name")).isEmpty();

        // sorting
        List<String> reversed = sorted.stream().sorted(Comparator.reverseOrder()).toList();
        assertThat(serviceNames("q=" + token + "&sort=-name")).containsExactlyElementsOf(reversed);
        assertThat(serviceNames("q=" + token + "&sort=name,desc")).containsExactlyElementsOf(reversed);
        assertThat(serviceNames("q=" + token + "&sort=name")).containsExactlyElementsOf(sorted);

        // search: name and description, case-insensitive
        assertThat(serviceNames("q=" + token.toUpperCase())).containsExactlyElementsOf(sorted);
        assertThat(serviceNames("q=NEEDLE+is&owner=" + teamB)).containsExactly(names.get(3));

        // filters
        assertThat(serviceNames("owner=" + teamA)).containsExactlyInAnyOrder(names.get(0), names.get(1));
        assertThat(serviceNames("owner=" + teamB + "&level=A")).containsExactly(names.get(3));
        assertThat(serviceNames("q=" + token + "&level=C")).containsExactly(names.get(4));
        assertThat(serviceNames("q=" + token + "&tag=java")).containsExactlyInAnyOrder(names.get(0), names.get(2));
        assertThat(serviceNames("q=" + token + "&tag=go&owner=" + teamA)).containsExactly(names.get(1));
        assertThat(serviceNames("q=" + token + "&tag=go&owner=" + teamB)).isEmpty();

        // the team list counts what each team owns
        JsonNode teams = api.get("/api/v1/teams?q=" + "list-a-" + id).json();
        assertThat(teams.get("totalItems").asLong()).isEqualTo(1);
        assertThat(teams.get("items").get(0).get("serviceCount").asLong()).isEqualTo(2);
    }

    @Test
    void anUnknownLevelFilterIsABadParameter() {
        assertProblem(api.get("/api/v1/services?level=Z"), 400);
    }

    // --- dependencies and deletes that others rely on -------------------------------------------------

    @Test
    void dependenciesAreVisibleFromBothSides() {
        String team = name("dep-owner");
        createTeam(team);
        String ledger = name("ledger");
        String payments = name("payments");
        String checkout = name("checkout");
        createService(ledger, team);
        createService(payments, team, "dependsOn", List.of(ledger));
        createService(checkout, team, "dependsOn", List.of(payments, ledger));

        assertThat(texts(api.get("/api/v1/services/" + checkout).json().get("dependsOn"), null))
                .containsExactlyInAnyOrder(payments, ledger);
        assertThat(texts(api.get("/api/v1/services/" + ledger + "/dependents").json(), "name"))
                .containsExactlyInAnyOrder(payments, checkout);
        assertThat(texts(api.get("/api/v1/services/" + payments + "/dependents").json(), "name")).containsExactly(checkout);
        assertThat(api.get("/api/v1/services/" + checkout + "/dependents").json().size()).isZero();

        // unknown and self dependencies are field errors
        Api.Response unknown = api.put("/api/v1/services/" + checkout, json("name", checkout, "owner", team,
                "readinessLevel", "B", "dependsOn", List.of(name("nothing")), "version", 0));
        assertProblem(unknown, 400);
        assertThat(errorFields(unknown)).containsExactly("dependsOn[0]");
        Api.Response self = api.put("/api/v1/services/" + checkout, json("name", checkout, "owner", team,
                "readinessLevel", "B", "dependsOn", List.of(checkout), "version", 0));
        assertProblem(self, 400);
        assertThat(texts(api.get("/api/v1/services/" + checkout).json().get("dependsOn"), null)).hasSize(2);
    }

    @Test
    void aServiceOthersDependOnCannotBeDeleted() {
        String team = name("del-owner");
        createTeam(team);
        String ledger = name("del-ledger");
        String checkout = name("del-checkout");
        createService(ledger, team);
        createService(checkout, team, "dependsOn", List.of(ledger));

        Api.Response r = api.delete("/api/v1/services/" + ledger);

        assertProblem(r, 409);
        assertThat(r.json().get("detail").asString()).contains(checkout);
        assertThat(api.get("/api/v1/services/" + ledger).status()).isEqualTo(200);
        assertThat(texts(api.get("/api/v1/services/" + checkout).json().get("dependsOn"), null)).containsExactly(ledger);

        // once the dependent is gone, it can go
        assertThat(api.delete("/api/v1/services/" + checkout).status()).isEqualTo(204);
        assertThat(api.delete("/api/v1/services/" + ledger).status()).isEqualTo(204);
    }

    @Test
    void aTeamThatOwnsServicesCannotBeDeleted() {
        String team = name("owning");
        createTeam(team);
        String service = name("owned");
        createService(service, team);

        Api.Response r = api.delete("/api/v1/teams/" + team);

        assertProblem(r, 409);
        assertThat(api.get("/api/v1/teams/" + team).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/services/" + service).json().get("owner").asString()).isEqualTo(team);
    }

    // --- members -------------------------------------------------------------------------------------

    @Test
    void membersAreAddedChangedAndRemoved() {
        String team = name("members");
        createTeam(team);
        String lead = name("lead");
        String member = name("member");
        createPerson(lead);
        createPerson(member);
        int version = api.get("/api/v1/teams/" + team).json().get("version").asInt();

        Api.Response added = api.put("/api/v1/teams/" + team + "/members/" + lead, json("role", "LEAD"));
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(api.put("/api/v1/teams/" + team + "/members/" + member, "").status()).isEqualTo(200);

        JsonNode t = api.get("/api/v1/teams/" + team).json();
        assertThat(texts(t.get("members"), "person")).containsExactly(lead, member);
        assertThat(texts(t.get("members"), "role")).containsExactly("LEAD", "MEMBER");
        assertThat(t.get("version").asInt()).isEqualTo(version + 2);
        assertThat(texts(api.get("/api/v1/people/" + member).json().get("teams"), null)).containsExactly(team);
        JsonNode summary = api.get("/api/v1/teams?q=" + team).json().get("items").get(0);
        assertThat(summary.get("memberCount").asLong()).isEqualTo(2);

        // changing a role keeps one membership
        assertThat(api.put("/api/v1/teams/" + team + "/members/" + member, json("role", "LEAD")).status()).isEqualTo(200);
        assertThat(texts(api.get("/api/v1/teams/" + team).json().get("members"), "role")).containsExactly("LEAD", "LEAD");

        assertThat(api.delete("/api/v1/teams/" + team + "/members/" + lead).status()).isEqualTo(200);
        assertThat(texts(api.get("/api/v1/teams/" + team).json().get("members"), "person")).containsExactly(member);
        assertThat(api.get("/api/v1/people/" + lead).json().get("teams").size()).isZero();
        assertProblem(api.delete("/api/v1/teams/" + team + "/members/" + lead), 404);

        Api.Response unknown = api.put("/api/v1/teams/" + team + "/members/" + name("ghost"), "");
        assertProblem(unknown, 400);
        assertThat(errorFields(unknown)).containsExactly("person");
    }

    // --- audit ---------------------------------------------------------------------------------------

    @Test
    void everyChangeLeavesAnAuditEntryWithBeforeAndAfter() {
        String team = name("audited");
        createTeam(team);
        String service = name("audited-svc");
        createService(service, team, "description", "before the edit");
        Api.Response updated = api.put("/api/v1/services/" + service, json("name", service, "owner", team,
                "readinessLevel", "A", "description", "after the edit", "version", 0));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(api.delete("/api/v1/services/" + service).status()).isEqualTo(204);

        JsonNode page = api.get("/api/v1/audit?entityType=service&entityName=" + service).json();
        assertThat(page.get("totalItems").asLong()).isEqualTo(3);
        JsonNode items = page.get("items");
        // newest first
        assertThat(texts(items, "action")).containsExactly("delete", "update", "create");
        assertThat(texts(items, "actor")).containsOnly("admin");
        assertThat(texts(items, "entityName")).containsOnly(service);

        JsonNode create = items.get(2);
        assertThat(absent(create, "before")).isTrue();
        assertThat(parse(create.get("after").asString()).get("description").asString()).isEqualTo("before the edit");

        JsonNode update = items.get(1);
        JsonNode beforeJson = parse(update.get("before").asString());
        JsonNode afterJson = parse(update.get("after").asString());
        assertThat(beforeJson.get("description").asString()).isEqualTo("before the edit");
        assertThat(beforeJson.get("readinessLevel").asString()).isEqualTo("B");
        assertThat(afterJson.get("description").asString()).isEqualTo("after the edit");
        assertThat(afterJson.get("readinessLevel").asString()).isEqualTo("A");
        assertThat(afterJson.get("version").asInt()).isEqualTo(1);

        JsonNode delete = items.get(0);
        assertThat(absent(delete, "after")).isTrue();
        assertThat(parse(delete.get("before").asString()).get("name").asString()).isEqualTo(service);

        // team changes and memberships are audited too
        String person = name("audited-person");
        createPerson(person);
        api.put("/api/v1/teams/" + team + "/members/" + person, json("role", "MEMBER"));
        List<String> teamActions = texts(api.get("/api/v1/audit?entityType=team&entityName=" + team).json().get("items"), "action");
        assertThat(teamActions).containsExactly("set-member", "create");
    }

    @Test
    void theAuditLogIsForAdminsOnly() {
        Api.Response anonymous = Api.at(port).get("/api/v1/audit");
        assertThat(anonymous.status()).isIn(401, 403);
    }
}
