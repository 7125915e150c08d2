package dev.tandem.accounts;

import dev.tandem.support.Api;
import dev.tandem.support.IntegrationTest;
import dev.tandem.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class AccountsIT {

    @LocalServerPort
    int port;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private Api anonymous() {
        return Api.at(port);
    }

    private Api admin() {
        return Api.at(port).admin();
    }

    private String unique(String prefix) {
        return prefix + "-" + run + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    /** Creates a user as admin and returns the answer's JSON. */
    private JsonNode createUser(String username, String role, String password) {
        Api.Response r = admin().post("/api/v1/users", Api.json(Map.of("username", username, "role", role, "password", password,
                "displayName", "User " + username, "email", username + "@example.com")));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private static Map<String, Object> draft(JsonNode user) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("username", user.get("username").asString());
        d.put("role", user.get("role").asString());
        d.put("enabled", user.get("enabled").asBoolean());
        d.put("version", user.get("version").asInt());
        return d;
    }

    // --- signing in -------------------------------------------------------------------------------------

    @Test
    void adminSignsInWithTheConfiguredPassword() {
        Api.Response me = admin().get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("username").asString()).isEqualTo("admin");
        assertThat(me.json().get("role").asString()).isEqualTo("ADMIN");
    }

    @Test
    void wrongPasswordIsA401ProblemWithAChallenge() {
        Api.Response r = anonymous().basic("admin", TestDatabase.ADMIN_PASSWORD + "x").get("/api/v1/me");
        assertUnauthorized(r);
        // Bearer only: a Basic challenge would make browsers store the password (see ProblemResponses)
        assertThat(r.header("WWW-Authenticate")).contains("Bearer").doesNotContain("Basic");
        assertThat(r.body()).doesNotContain(TestDatabase.ADMIN_PASSWORD);
    }

    @Test
    void unknownUserIsA401() {
        assertUnauthorized(anonymous().basic(unique("nobody"), "some-password-123").get("/api/v1/me"));
    }

    @Test
    void noCredentialsIsA401WithAChallenge() {
        for (String path : List.of("/api/v1/me", "/api/v1/services", "/api/v1/users")) {
            Api.Response r = anonymous().get(path);
            assertUnauthorized(r);
            assertThat(r.header("WWW-Authenticate")).as(path).contains("Bearer").doesNotContain("Basic");
        }
    }

    @Test
    void unknownBearerTokenIsA401() {
        Api.Response r = anonymous().bearer("tdm_" + "A".repeat(43)).get("/api/v1/me");
        assertUnauthorized(r);
        assertThat(r.header("WWW-Authenticate")).contains("invalid_token");
    }

    // --- tokens -----------------------------------------------------------------------------------------

    @Test
    void anIssuedTokenWorksAsBearerAndIsListedByPrefixOnly() {
        String username = unique("tok");
        createUser(username, "VIEWER", "password-" + username);
        String name = unique("ci-token");
        Api.Response issued = admin().post("/api/v1/tokens", Api.json(Map.of("name", name, "username", username)));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String secret = issued.json().get("token").asString();
        JsonNode details = issued.json().get("details");
        long id = details.get("id").asLong();
        String prefix = details.get("prefix").asString();
        assertThat(secret).startsWith("tdm_").startsWith(prefix);
        assertThat(secret.length()).isGreaterThan(prefix.length() + 20);
        assertThat(details.path("lastUsedAt").isMissingNode() || details.get("lastUsedAt").isNull()).isTrue();

        Api.Response me = anonymous().bearer(secret).get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("username").asString()).isEqualTo(username);
        assertThat(me.json().get("role").asString()).isEqualTo("VIEWER");

        Api.Response list = admin().get("/api/v1/tokens?size=500");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).doesNotContain(secret).doesNotContain(secret.substring(prefix.length()));
        JsonNode listed = find(list.json().get("items"), "id", String.valueOf(id));
        assertThat(listed).as("token %s in the list", id).isNotNull();
        assertThat(listed.get("prefix").asString()).isEqualTo(prefix);
        assertThat(listed.get("name").asString()).isEqualTo(name);
        assertThat(listed.get("username").asString()).isEqualTo(username);
        assertThat(listed.has("token")).isFalse();
        assertThat(Instant.parse(listed.get("lastUsedAt").asString()))
                .isAfterOrEqualTo(Instant.parse(details.get("createdAt").asString()));
    }

    @Test
    void aRevokedTokenStopsWorkingAtOnce() {
        String username = unique("rev");
        createUser(username, "MEMBER", "password-" + username);
        Api.Response issued = admin().post("/api/v1/tokens", Api.json(Map.of("name", unique("t"), "username", username)));
        String secret = issued.json().get("token").asString();
        long id = issued.json().get("details").get("id").asLong();
        assertThat(anonymous().bearer(secret).get("/api/v1/me").status()).isEqualTo(200);

        Api.Response revoked = admin().delete("/api/v1/tokens/" + id);
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().get("revokedAt").isString()).isTrue();

        Api.Response after = anonymous().bearer(secret).get("/api/v1/me");
        assertUnauthorized(after);
        assertThat(after.header("WWW-Authenticate")).contains("invalid_token");
        JsonNode listed = find(admin().get("/api/v1/tokens?size=500").json().get("items"), "id", String.valueOf(id));
        assertThat(listed.get("revokedAt").isString()).isTrue();
    }

    @Test
    void aTokenCannotBeIssuedAlreadyExpired() {
        String name = unique("past");
        Api.Response r = admin().post("/api/v1/tokens", Api.json(Map.of("name", name, "username", "admin",
                "expiresAt", Instant.now().minusSeconds(60).toString())));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("errors").findValuesAsString("field")).containsExactly("expiresAt");
        assertThat(admin().get("/api/v1/tokens?size=500").json().get("items").findValuesAsString("name")).doesNotContain(name);
    }

    @Test
    void aTokenStopsWorkingWhenItExpires() throws InterruptedException {
        String username = unique("exp");
        createUser(username, "VIEWER", "password-" + username);
        Instant expiresAt = Instant.now().plusSeconds(3);
        Api.Response issued = admin().post("/api/v1/tokens", Api.json(Map.of("name", unique("short"), "username", username,
                "expiresAt", expiresAt.toString())));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String secret = issued.json().get("token").asString();
        assertThat(anonymous().bearer(secret).get("/api/v1/me").status()).isEqualTo(200);
        assertThat(Instant.now()).as("the first use must happen before the expiry for this test to mean anything")
                .isBefore(expiresAt);

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiresAt).toMillis()) + 500);
        Api.Response after = anonymous().bearer(secret).get("/api/v1/me");
        assertUnauthorized(after);
    }

    @Test
    void aDisabledUsersTokenAndPasswordStopWorking() {
        String username = unique("dis");
        String password = "password-" + username;
        JsonNode user = createUser(username, "MEMBER", password);
        String token = admin().tokenFor(username);
        assertThat(anonymous().bearer(token).get("/api/v1/me").status()).isEqualTo(200);
        assertThat(anonymous().basic(username, password).get("/api/v1/me").status()).isEqualTo(200);

        Map<String, Object> disable = draft(user);
        disable.put("enabled", false);
        Api.Response updated = admin().put("/api/v1/users/" + username, Api.json(disable));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("enabled").asBoolean()).isFalse();

        assertUnauthorized(anonymous().bearer(token).get("/api/v1/me"));
        assertUnauthorized(anonymous().basic(username, password).get("/api/v1/me"));
    }

    // --- users ------------------------------------------------------------------------------------------

    @Test
    void thePasswordAndItsHashAppearInNoAnswerAndNoAuditEntry() {
        String username = unique("secret");
        String password = "first-password-" + run;
        String changed = "second-password-" + run;
        List<String> bodies = new ArrayList<>();

        Api.Response created = admin().post("/api/v1/users", Api.json(Map.of("username", username, "role", "MEMBER",
                "password", password)));
        assertThat(created.status()).isEqualTo(201);
        bodies.add(created.body());
        Map<String, Object> update = draft(created.json());
        update.put("password", changed);
        Api.Response updated = admin().put("/api/v1/users/" + username, Api.json(update));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        bodies.add(updated.body());
        bodies.add(admin().get("/api/v1/users/" + username).body());
        bodies.add(admin().get("/api/v1/users?q=" + username).body());
        bodies.add(anonymous().basic(username, changed).get("/api/v1/me").body());

        Api.Response audit = admin().get("/api/v1/audit?entityType=user&entityName=" + username);
        assertThat(audit.status()).isEqualTo(200);
        JsonNode entries = audit.json().get("items");
        assertThat(entries.findValuesAsString("action")).contains("create", "update");
        bodies.add(audit.body());

        for (String body : bodies) {
            assertThat(body).contains(username)
                    .doesNotContain(password).doesNotContain(changed)
                    .doesNotContain("$2a$").doesNotContain("$2b$").doesNotContain("{bcrypt}")
                    .doesNotContainIgnoringCase("passwordHash").doesNotContainIgnoringCase("password_hash")
                    .doesNotContain("\"password\"");
        }
        // the snapshots themselves: parsed, they have no password field at any depth
        for (JsonNode entry : entries) {
            for (String snapshot : List.of("before", "after")) {
                if (entry.hasNonNull(snapshot)) {
                    JsonNode parsed = tools.jackson.databind.json.JsonMapper.builder().build().readTree(entry.get(snapshot).asString());
                    assertThat(parsed.findValues("password")).isEmpty();
                    assertThat(parsed.findValues("passwordHash")).isEmpty();
                    assertThat(parsed.get("username").asString()).isEqualTo(username);
                }
            }
        }
        // and the change took: only the new password signs in
        assertThat(anonymous().basic(username, changed).get("/api/v1/me").status()).isEqualTo(200);
        assertUnauthorized(anonymous().basic(username, password).get("/api/v1/me"));
    }

    @Test
    void aPasswordShorterThanTwelveCharactersIsRefused() {
        String username = unique("short");
        Api.Response r = admin().post("/api/v1/users", Api.json(Map.of("username", username, "role", "VIEWER",
                "password", "elevenchars")));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("errors").findValuesAsString("field")).containsExactly("password");
        assertThat(admin().get("/api/v1/users/" + username).status()).isEqualTo(404);

        // exactly twelve is enough
        Api.Response ok = admin().post("/api/v1/users", Api.json(Map.of("username", username, "role", "VIEWER",
                "password", "twelve-chars")));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);

        // and an update to a short password is refused and changes nothing
        Map<String, Object> update = draft(ok.json());
        update.put("password", "too-short");
        Api.Response refused = admin().put("/api/v1/users/" + username, Api.json(update));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("password");
        assertThat(anonymous().basic(username, "twelve-chars").get("/api/v1/me").status()).isEqualTo(200);
        assertThat(admin().get("/api/v1/users/" + username).json().get("version").asInt()).isEqualTo(0);
    }

    /**
     * Other test classes share this application and may have created admins; to make {@code admin} the
     * last enabled one, every other enabled admin (at least the one made here) is demoted for the
     * duration of the test and restored afterwards.
     */
    @Test
    void theLastEnabledAdminCanBeNeitherDemotedNorDisabledNorDeleted() {
        String second = unique("adm");
        createUser(second, "ADMIN", "password-" + second);
        List<JsonNode> otherAdmins = new ArrayList<>();
        for (JsonNode u : allUsers()) {
            if (u.get("role").asString().equals("ADMIN") && u.get("enabled").asBoolean()
                    && !u.get("username").asString().equals("admin")) {
                otherAdmins.add(u);
            }
        }
        assertThat(otherAdmins).extracting(u -> u.get("username").asString()).contains(second);

        List<JsonNode> restore = new ArrayList<>();
        try {
            // while there is another enabled admin, demoting one is allowed
            for (JsonNode other : otherAdmins) {
                Map<String, Object> d = draft(other);
                d.put("role", "SRE");
                Api.Response r = admin().put("/api/v1/users/" + other.get("username").asString(), Api.json(d));
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                assertThat(r.json().get("role").asString()).isEqualTo("SRE");
                restore.add(r.json());
            }
            JsonNode me = admin().get("/api/v1/users/admin").json();
            int version = me.get("version").asInt();

            Map<String, Object> demote = draft(me);
            demote.put("role", "SRE");
            Api.Response r1 = admin().put("/api/v1/users/admin", Api.json(demote));
            assertThat(r1.status()).as(r1.body()).isEqualTo(409);
            assertThat(r1.json().get("detail").asString()).contains("last");

            Map<String, Object> disable = draft(me);
            disable.put("enabled", false);
            Api.Response r2 = admin().put("/api/v1/users/admin", Api.json(disable));
            assertThat(r2.status()).as(r2.body()).isEqualTo(409);

            Api.Response r3 = admin().delete("/api/v1/users/admin");
            assertThat(r3.status()).as(r3.body()).isEqualTo(409);

            JsonNode after = admin().get("/api/v1/users/admin").json();
            assertThat(after.get("role").asString()).isEqualTo("ADMIN");
            assertThat(after.get("enabled").asBoolean()).isTrue();
            assertThat(after.get("version").asInt()).isEqualTo(version);
        } finally {
            for (JsonNode other : restore) {
                Map<String, Object> d = draft(other);
                d.put("role", "ADMIN");
                assertThat(admin().put("/api/v1/users/" + other.get("username").asString(), Api.json(d)).status())
                        .isEqualTo(200);
            }
        }
        assertThat(admin().get("/api/v1/users/" + second).json().get("role").asString()).isEqualTo("ADMIN");
    }

    @Test
    void theUsersListIsPaginated() {
        String prefix = "pg-" + run;
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            String username = prefix + "-" + i;
            createUser(username, "VIEWER", "password-" + username);
            expected.add(username);
        }
        Set<String> seen = new HashSet<>();
        for (int page = 0; page < 3; page++) {
            Api.Response r = admin().get("/api/v1/users?q=" + prefix + "&size=2&page=" + page);
            assertThat(r.status()).isEqualTo(200);
            JsonNode body = r.json();
            assertThat(body.get("page").asInt()).isEqualTo(page);
            assertThat(body.get("size").asInt()).isEqualTo(2);
            assertThat(body.get("totalItems").asLong()).isEqualTo(5);
            assertThat(body.get("totalPages").asInt()).isEqualTo(3);
            List<String> names = body.get("items").findValuesAsString("username");
            assertThat(names).hasSize(page < 2 ? 2 : 1);
            assertThat(names).isSorted();
            for (String n : names) {
                assertThat(seen.add(n)).as("%s appears on one page only", n).isTrue();
            }
        }
        assertThat(seen).isEqualTo(expected);
        assertThat(admin().get("/api/v1/users?q=" + prefix + "&size=2&page=3").json().get("items")).isEmpty();
    }

    @Test
    void aStaleUserUpdateIsAConflictAndChangesNothing() {
        String username = unique("stale");
        JsonNode user = createUser(username, "VIEWER", "password-" + username);
        Map<String, Object> first = draft(user);
        first.put("displayName", "First edit");
        Api.Response ok = admin().put("/api/v1/users/" + username, Api.json(first));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("version").asInt()).isEqualTo(1);

        Map<String, Object> stale = draft(user); // still version 0
        stale.put("displayName", "Stale edit");
        stale.put("role", "SRE");
        Api.Response conflict = admin().put("/api/v1/users/" + username, Api.json(stale));
        assertThat(conflict.status()).as(conflict.body()).isEqualTo(409);
        assertThat(conflict.json().get("currentVersion").asInt()).isEqualTo(1);

        Api.Response staleIfMatch = admin().put("/api/v1/users/" + username, Api.json(stale), "\"0\"");
        assertThat(staleIfMatch.status()).isEqualTo(412);

        JsonNode after = admin().get("/api/v1/users/" + username).json();
        assertThat(after.get("displayName").asString()).isEqualTo("First edit");
        assertThat(after.get("role").asString()).isEqualTo("VIEWER");
        assertThat(after.get("version").asInt()).isEqualTo(1);
    }

    // --- helpers ----------------------------------------------------------------------------------------

    private static void assertUnauthorized(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(401);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("status").asInt()).isEqualTo(401);
        assertThat(r.json().get("title").asString()).isEqualTo("Unauthorized");
        assertThat(r.header("WWW-Authenticate")).isNotBlank();
    }

    private List<JsonNode> allUsers() {
        List<JsonNode> users = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode body = admin().get("/api/v1/users?size=500&page=" + page).json();
            body.get("items").forEach(users::add);
            if (page + 1 >= body.get("totalPages").asInt()) {
                return users;
            }
        }
    }

    private static JsonNode find(JsonNode items, String field, String value) {
        for (JsonNode item : items) {
            if (item.get(field).asString().equals(value)) {
                return item;
            }
        }
        return null;
    }

    @Test
    void everyUserChangesTheirOwnPasswordByProvingTheCurrentOne() {
        String username = unique("self");
        createUser(username, "VIEWER", "first-password-123");
        Api me = Api.at(port).basic(username, "first-password-123");

        Api.Response wrong = me.put("/api/v1/me/password",
                Api.json(Map.of("currentPassword", "not-my-password", "newPassword", "second-password-456")));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("errors").get(0).get("field").asString()).isEqualTo("currentPassword");

        Api.Response tooShort = me.put("/api/v1/me/password",
                Api.json(Map.of("currentPassword", "first-password-123", "newPassword", "short")));
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(me.get("/api/v1/me").status()).as("a refused change keeps the old password").isEqualTo(200);

        assertThat(me.put("/api/v1/me/password",
                Api.json(Map.of("currentPassword", "first-password-123", "newPassword", "second-password-456"))).status())
                .isEqualTo(204);
        assertThat(me.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(Api.at(port).basic(username, "second-password-456").get("/api/v1/me").json().get("username").asString())
                .isEqualTo(username);
        String audit = admin().get("/api/v1/audit?entityType=user&entityName=" + username).body();
        assertThat(audit).contains("change-password").doesNotContain("second-password-456").doesNotContain("{bcrypt}");
    }

    @Test
    void tenWrongPasswordsLockTheUsernameEvenForTheRightOne() {
        String username = unique("guessed");
        createUser(username, "VIEWER", "the-right-password-1");
        for (int i = 0; i < 10; i++) {
            assertThat(Api.at(port).basic(username, "wrong-guess-" + i).get("/api/v1/me").status()).isEqualTo(401);
        }
        assertThat(Api.at(port).basic(username, "the-right-password-1").get("/api/v1/me").status())
                .as("locked after ten failures").isEqualTo(401);
        String other = unique("bystander");
        createUser(other, "VIEWER", "the-right-password-2");
        assertThat(Api.at(port).basic(other, "the-right-password-2").get("/api/v1/me").status())
                .as("other users are not affected").isEqualTo(200);
    }

    @Test
    void aChangeABrowserSendsOnBehalfOfAnotherSiteIsRefused() {
        String team = unique("xsite");
        Api.Response forged = admin().postWithHeader("/api/v1/teams", "{\"name\":\"" + team + "\"}", "Sec-Fetch-Site", "cross-site");
        assertThat(forged.status()).isEqualTo(403);
        assertThat(admin().get("/api/v1/teams/" + team).status()).isEqualTo(404);
        assertThat(admin().postWithHeader("/api/v1/teams", "{\"name\":\"" + team + "\"}", "Sec-Fetch-Site", "same-origin").status())
                .isEqualTo(201);
    }
}
