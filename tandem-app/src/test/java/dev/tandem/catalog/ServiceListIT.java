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
