package dev.tandem.engagement;

import dev.tandem.shared.Actor;
import dev.tandem.support.Api;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two teams, two SREs (catalog people with role SRE), and two accounts that may not change the roster:
 * a viewer and an SRE. Names carry a run id, since integration tests share a context and its database.
 */
final class RosterFixture {

    final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    final Api admin;
    final Api viewer;
    final Api sreAccount;
    final String teamA = "ra-" + run;
    final String teamB = "rb-" + run;
    final String sre1 = "sre1-" + run;
    final String sre2 = "sre2-" + run;
    final String viewerName = "viewer-" + run;
    final String sreAccountName = "sreacct-" + run;
    private final int port;
    private final Engagements engagements;

    RosterFixture(int port, Engagements engagements) {
        this.port = port;
        this.engagements = engagements;
        admin = Api.at(port).admin();
        status(admin.post("/api/v1/teams", Api.json(Map.of("name", teamA))), 201);
        status(admin.post("/api/v1/teams", Api.json(Map.of("name", teamB))), 201);
        status(admin.post("/api/v1/people", Api.json(Map.of("name", sre1, "displayName", "First <b>SRE</b>", "role", "SRE"))), 201);
        status(admin.post("/api/v1/people", Api.json(Map.of("name", sre2, "role", "SRE"))), 201);
        viewer = user(viewerName, "VIEWER");
        sreAccount = user(sreAccountName, "SRE");
    }

    private Api user(String username, String role) {
        status(admin.post("/api/v1/users", Api.json(Map.of("username", username, "role", role, "password", password(username)))), 201);
        return Api.at(port).bearer(admin.tokenFor(username));
    }

    static String password(String username) {
        return "password-of-" + username;
    }

    /** A proposed engagement for the team, as an admin proposes it. */
    Engagement propose(String team, String pain) {
        return Actor.runAs(Actor.system(), () -> engagements.propose(new Proposal(team, "Rotation " + team, List.of(), pain,
                2, 1, 30, null, null, 4, 4, "occasional", 2, null)));
    }

    Engagement engagement(long id) {
        return engagements.get(id);
    }

    static Api.Response status(Api.Response r, int expected) {
        assertThat(r.status()).as(r.body()).isEqualTo(expected);
        return r;
    }

    /** A signed-in page session for any account, with a cookie jar and no redirects followed. */
    Session signIn(String username, String password) throws Exception {
        Session s = new Session();
        HttpResponse<String> in = s.post("/login", "username=" + username + "&password=" + password + "&_csrf="
                + Session.csrf(s.get("/login").body()));
        assertThat(in.statusCode()).as("sign-in").isEqualTo(302);
        assertThat(in.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return s;
    }

    final class Session {
        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String form) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }

        static String csrf(String html) {
            Matcher m = CSRF.matcher(html);
            assertThat(m.find()).as("a CSRF field in the form").isTrue();
            return java.net.URLEncoder.encode(m.group(1), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
