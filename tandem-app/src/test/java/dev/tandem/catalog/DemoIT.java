package dev.tandem.catalog;

import dev.tandem.support.Api;
import dev.tandem.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo switch on an instance of its own (a context and a database no other test class shares, so
 * the catalog is empty): what a newcomer sees after loading it, and that it loads only once.
 */
@IntegrationTest
@TestPropertySource(properties = "tandem.it.context=demo")
class DemoIT {

    @LocalServerPort
    int port;

    @Test
    void theDemoFillsTheCatalogAndTheProgramOnceAndOnlyForAdmins() {
        Api admin = Api.at(port).admin();
        assertThat(admin.get("/api/v1/services").json().get("totalItems").asLong()).isZero();
        String member = "demo-member";
        assertThat(admin.post("/api/v1/users", Api.json(java.util.Map.of("username", member, "displayName", "Demo member",
                "role", "MEMBER", "enabled", true, "password", "demo-member-password-1"))).status()).isEqualTo(201);
        assertThat(Api.at(port).basic(member, "demo-member-password-1").post("/api/v1/catalog/demo", "{}").status()).isEqualTo(403);

        Api.Response loaded = admin.post("/api/v1/catalog/demo", "{}");
        assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);
        assertThat(admin.get("/api/v1/services").json().get("totalItems").asLong()).isGreaterThanOrEqualTo(12);
        assertThat(admin.get("/api/v1/teams").json().get("totalItems").asLong()).isGreaterThanOrEqualTo(3);

        // The program's part: one engagement running with the payments team, two proposals in the queue.
        JsonNode engagements = admin.get("/api/v1/engagements?sort=team").json();
        assertThat(engagements.get("totalItems").asLong()).isEqualTo(3);
        List<String> teamsAndStates = new ArrayList<>();
        JsonNode payments = null;
        for (JsonNode e : engagements.get("items")) {
            teamsAndStates.add(e.get("team").asString() + ":" + e.get("state").asString());
            if (e.get("team").asString().equals("payments")) {
                payments = e;
            }
        }
        assertThat(teamsAndStates).containsExactly("identity:PROPOSED", "payments:LEARNING", "storefront:PROPOSED");
        assertThat(payments.get("sres").get(0).get("person").asString()).isEqualTo("ayumi.tanaka");
        JsonNode charter = admin.get("/api/v1/engagements/" + payments.get("id").asLong() + "/charter").json();
        assertThat(charter.get("exitCriteria")).hasSize(3);
        JsonNode queue = admin.get("/api/v1/engagements/queue").json();
        assertThat(queue).hasSize(2);
        assertThat(queue.get(0).get("rank").asInt()).isEqualTo(1);

        // Only into an empty catalog: a second load is refused and changes nothing.
        assertThat(admin.post("/api/v1/catalog/demo", "{}").status()).isEqualTo(409);
        assertThat(admin.get("/api/v1/engagements").json().get("totalItems").asLong()).isEqualTo(3);
    }
}
