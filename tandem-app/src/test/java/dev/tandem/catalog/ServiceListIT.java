package dev.tandem.catalog;

import dev.tandem.support.Api;
import dev.tandem.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service list in name order (no filter) is served from a cached order of ids; these tests
 * check it always agrees with the database, also right after services are added and removed.
 */
@IntegrationTest
class ServiceListIT {

    @LocalServerPort
    int port;

    private Api api;
    private String team;

    @BeforeEach
    void team() {
        api = Api.at(port).admin();
        team = "list-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/v1/teams", "{\"name\":\"" + team + "\"}").status()).isEqualTo(201);
    }

    @Test
    void pagesOfTheWholeListAreSortedDisjointAndComplete() {
        for (int i = 0; i < 7; i++) {
            create(team + "-svc-" + i);
        }
        List<String> all = allNames("");
        assertThat(all).doesNotHaveDuplicates();
        // only this test's names are compared with Java's order: the database's collation decides the rest
        assertThat(all.stream().filter(n -> n.startsWith(team))).containsExactly(
                team + "-svc-0", team + "-svc-1", team + "-svc-2", team + "-svc-3", team + "-svc-4", team + "-svc-5",
                team + "-svc-6");
        JsonNode first = api.get("/api/v1/services?size=3").json();
        assertThat(first.get("totalItems").asLong()).isEqualTo(all.size());

        List<String> descending = allNames("&sort=-name");
        List<String> reversed = new ArrayList<>(all);
        java.util.Collections.reverse(reversed);
        assertThat(descending).containsExactlyElementsOf(reversed);
    }

    @Test
    void theListFollowsAdditionsAndRemovalsAtOnce() {
        String early = team + "-a";
        String late = team + "-z";
        create(late);
        List<String> before = allNames("");
        create(early);
        List<String> withEarly = allNames("");
        assertThat(withEarly).hasSize(before.size() + 1);
        assertThat(withEarly.stream().filter(n -> n.startsWith(team))).containsExactly(early, late);

        assertThat(api.delete("/api/v1/services/" + late).status()).isEqualTo(204);
        create(team + "-m");
        List<String> after = allNames("");
        assertThat(after).hasSize(withEarly.size());
        assertThat(after.stream().filter(n -> n.startsWith(team))).containsExactly(early, team + "-m");
    }

    @Test
    void aPageBeyondTheEndIsEmptyButKeepsTheTotal() {
        create(team + "-only");
        JsonNode page = api.get("/api/v1/services?page=100000&size=50").json();
        assertThat(page.get("items")).isEmpty();
        assertThat(page.get("totalItems").asLong()).isPositive();
    }

    /**
     * The rows of the whole list are kept in memory while the catalog's revision stays the same; every
     * change that a row shows must reach the list at once: an edit, an import, a removed system.
     */
    @Test
    void theListShowsEveryChangeOfARowAtOnce() {
        String other = team + "-b";
        assertThat(api.post("/api/v1/teams", "{\"name\":\"" + other + "\"}").status()).isEqualTo(201);
        String system = team + "-sys";
        assertThat(api.post("/api/v1/systems", Api.json(java.util.Map.of("name", system, "owner", team))).status())
                .isEqualTo(201);
        String name = team + "-svc";
        assertThat(api.post("/api/v1/services", Api.json(java.util.Map.of("name", name, "owner", team,
                "readinessLevel", "B", "system", system, "title", "First"))).status()).isEqualTo(201);
        assertThat(row(name).get("title").asString()).isEqualTo("First");
        assertThat(row(name).get("system").asString()).isEqualTo(system);

        java.util.Map<String, Object> edit = new java.util.HashMap<>(java.util.Map.of("name", name, "owner", other,
                "readinessLevel", "A", "system", system, "title", "Second", "tags", List.of("edited"), "version", 0));
        Api.Response updated = api.put("/api/v1/services/" + name, Api.json(edit));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        JsonNode afterEdit = row(name);
        assertThat(afterEdit.get("title").asString()).isEqualTo("Second");
        assertThat(afterEdit.get("owner").asString()).isEqualTo(other);
        assertThat(afterEdit.get("readinessLevel").asString()).isEqualTo("A");
        assertThat(afterEdit.get("tags").get(0).asString()).isEqualTo("edited");

        Api.Response imported = api.postYaml("/api/v1/catalog/import", """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: %s
                  title: Third
                spec:
                  type: service
                  lifecycle: experimental
                  owner: group:default/%s
                  system: %s
                """.formatted(name, team, system));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        JsonNode afterImport = row(name);
        assertThat(afterImport.get("title").asString()).isEqualTo("Third");
        assertThat(afterImport.get("owner").asString()).isEqualTo(team);
        assertThat(afterImport.get("lifecycle").asString()).isEqualTo("experimental");

        assertThat(api.delete("/api/v1/systems/" + system).status()).isEqualTo(204);
        assertThat(row(name).has("system") && !row(name).get("system").isNull()).isFalse();

        assertThat(api.delete("/api/v1/services/" + name).status()).isEqualTo(204);
        assertThat(allNames("")).doesNotContain(name);
    }

    /** The service's row as the whole list (no filter, name order) shows it. */
    private JsonNode row(String name) {
        for (int p = 0; ; p++) {
            JsonNode page = api.get("/api/v1/services?size=500&page=" + p).json();
            for (JsonNode item : page.get("items")) {
                if (item.get("name").asString().equals(name)) {
                    return item;
                }
            }
            if (p + 1 >= page.get("totalPages").asInt()) {
                throw new AssertionError(name + " is not in the list");
            }
        }
    }

    private void create(String name) {
        assertThat(api.post("/api/v1/services", "{\"name\":\"" + name + "\",\"owner\":\"" + team
                + "\",\"readinessLevel\":\"B\"}").status()).isEqualTo(201);
    }

    private List<String> allNames(String sort) {
        List<String> names = new ArrayList<>();
        JsonNode page = api.get("/api/v1/services?size=500&page=0" + sort).json();
        int pages = page.get("totalPages").asInt();
        for (int p = 0; p < pages; p++) {
            JsonNode items = api.get("/api/v1/services?size=500&page=" + p + sort).json().get("items");
            items.forEach(item -> names.add(item.get("name").asString()));
        }
        return names;
    }
}
