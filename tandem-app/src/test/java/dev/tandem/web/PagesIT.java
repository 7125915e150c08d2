package dev.tandem.web;

import dev.tandem.support.Api;
import dev.tandem.support.IntegrationTest;
import dev.tandem.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The pages over plain HTTP, as a browser without JavaScript sees them: session, CSRF, escaping. */
@IntegrationTest
class PagesIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    private HttpClient browser;

    @BeforeEach
    void signIn() throws Exception {
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String token = csrf(get("/login").body());
        HttpResponse<String> signIn = post("/login", "username=admin&password=" + TestDatabase.ADMIN_PASSWORD + "&_csrf=" + token);
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
    }

    @Test
    void pagesNeedASignedInSession() throws Exception {
        HttpClient stranger = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> response = stranger.send(HttpRequest.newBuilder(url("/services")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        String name = "csrf-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> forged = post("/teams", "name=" + name);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(Api.at(port).admin().get("/api/v1/teams/" + name).status()).isEqualTo(404);

        String token = csrf(get("/teams/new").body());
        HttpResponse<String> genuine = post("/teams", "name=" + name + "&_csrf=" + token);
        assertThat(genuine.statusCode()).isEqualTo(302);
        assertThat(Api.at(port).admin().get("/api/v1/teams/" + name).status()).isEqualTo(200);
    }

    @Test
    void whatUsersTypeIsShownEscapedOnTheListAndServicePages() throws Exception {
        String team = "esc-" + UUID.randomUUID().toString().substring(0, 8);
        Api api = Api.at(port).admin();
        api.post("/api/v1/teams", "{\"name\":\"" + team + "\"}");
        String title = "<img src=x onerror=alert(1)>";
        assertThat(api.post("/api/v1/services", "{\"name\":\"" + team + "-svc\",\"owner\":\"" + team
                + "\",\"readinessLevel\":\"B\",\"title\":\"" + title.replace("\"", "\\\"") + "\"}").status()).isEqualTo(201);

        String list = get("/services?owner=" + team).body();
        String page = get("/services/" + team + "-svc").body();
        for (String html : new String[] {list, page}) {
            assertThat(html).doesNotContain(title).contains("&lt;img src=x onerror=alert(1)&gt;");
            // the navigation marks the section, and only that one
            assertThat(html).contains("href=\"/services\" aria-current=\"page\">Services</a>");
            assertThat(html.split("aria-current=", -1)).hasSize(2);
        }
        assertThat(get("/teams/" + team).body()).contains("href=\"/teams\" aria-current=\"page\">Teams</a>");
    }

    @Test
    void theServiceListSearchesAndPages() throws Exception {
        String team = "pages-" + UUID.randomUUID().toString().substring(0, 8);
        Api api = Api.at(port).admin();
        api.post("/api/v1/teams", "{\"name\":\"" + team + "\"}");
        for (int i = 0; i < 3; i++) {
            api.post("/api/v1/services", "{\"name\":\"" + team + "-s" + i + "\",\"owner\":\"" + team + "\",\"readinessLevel\":\"C\"}");
        }
        String first = get("/services?owner=" + team + "&size=2").body();
        assertThat(first).contains(team + "-s0").contains(team + "-s1").doesNotContain(team + "-s2");
        String second = get("/services?owner=" + team + "&size=2&page=1").body();
        assertThat(second).contains(team + "-s2").doesNotContain(team + "-s0\"");
        String search = get("/services?q=" + URLEncoder.encode(team + "-s1", StandardCharsets.UTF_8)).body();
        assertThat(search).contains(team + "-s1").doesNotContain(team + "-s2");
        assertThat(second).contains("Showing <span>3</span>–<span>3</span> of <span>3</span>")
                .contains("<a href=\"/services?owner=" + team + "&amp;size=2&amp;page=0\" rel=\"prev\">← Previous</a>");

        String pastTheEnd = get("/services?owner=" + team + "&size=2&page=9").body();
        assertThat(pastTheEnd).contains("Page 10 is past the end of the list: it has 2 pages of 3.")
                .contains("<a href=\"/services?owner=" + team + "&amp;size=2&amp;page=1\">Go to the last page</a>")
                .doesNotContain("<table", "No services match");
    }

    @Test
    void thePasswordPageRefusesTwoDifferentNewPasswordsAndSaysWhy() throws Exception {
        String form = get("/account/password").body();
        assertThat(form).contains("id=\"currentPassword\"").contains("id=\"newPassword\"");
        HttpResponse<String> mismatch = post("/account/password", "currentPassword=" + TestDatabase.ADMIN_PASSWORD
                + "&newPassword=another-password-1&repeatPassword=another-password-2&_csrf=" + csrf(form));
        assertThat(mismatch.statusCode()).isEqualTo(200);
        assertThat(mismatch.body()).contains("the two new passwords differ");
        assertThat(Api.at(port).admin().get("/api/v1/me").status()).as("the password is unchanged").isEqualTo(200);
    }

    @Test
    void aSessionEndsWhenAnAdminChangesTheAccount() throws Exception {
        String username = "session-" + UUID.randomUUID().toString().substring(0, 8);
        Api admin = Api.at(port).admin();
        assertThat(admin.post("/api/v1/users", "{\"username\":\"" + username
                + "\",\"role\":\"ADMIN\",\"password\":\"a-long-password-1\"}").status()).isEqualTo(201);
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String token = csrf(get("/login").body());
        assertThat(post("/login", "username=" + username + "&password=a-long-password-1&_csrf=" + token).statusCode()).isEqualTo(302);
        assertThat(get("/admin/users").statusCode()).isEqualTo(200);

        var user = admin.get("/api/v1/users/" + username).json();
        assertThat(admin.put("/api/v1/users/" + username, "{\"username\":\"" + username + "\",\"role\":\"VIEWER\",\"version\":"
                + user.get("version").asInt() + "}").status()).isEqualTo(200);

        HttpResponse<String> after = get("/admin/users");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElse("")).contains("/login?changed");
        assertThat(get("/services").statusCode()).as("the old session is gone").isEqualTo(302);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return browser.send(HttpRequest.newBuilder(url(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF field in the form").isTrue();
        return URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
    }
}
