package dev.tandem.slo;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.tandem.slo.SloFixture.status;
import static org.assertj.core.api.Assertions.assertThat;

/** The SLO pages over plain HTTP, as a browser without JavaScript sees them, with an admin's session. */
@IntegrationTest
class SloPagesIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String EVIL = "<script>alert(1)</script> & co";

    @LocalServerPort
    int port;

    private HttpClient browser;
    private SloFixture f;

    @BeforeEach
    void signIn() throws Exception {
        f = new SloFixture(port);
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> in = post("/login", "username=admin&password=" + TestDatabase.ADMIN_PASSWORD + "&_csrf="
                + csrf(get("/login").body()));
        assertThat(in.statusCode()).isEqualTo(302);
    }

    private static String withDisplayName(String yaml, String name) {
        return yaml.replace("  name: " + name + "\n", "  name: " + name + "\n  displayName: \"" + EVIL + "\"\n");
    }

    @Test
    void theListAndAnSloPageShowBudgetChartsAndAlertsWithEveryTextEscaped() throws Exception {
        String service = f.service("web", "B");
        String name = "web-avail-" + f.run;
        status(f.member().postYaml("/api/v1/slos/import", withDisplayName(SloFixture.builtIn(name, service, "0.999", EVIL), name)), 200);
        status(f.member().post("/api/v1/slos/" + name + "/events", SloFixture.points(60, 20, 1000)), 200);

        HttpResponse<String> list = get("/slos?team=" + f.team);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(name).contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co")
                .doesNotContain(EVIL).contains("exhausted").contains("aria-sort=\"ascending\"");

        HttpResponse<String> page = get("/slos/" + name);
        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(body).doesNotContain("<script>alert").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(body).contains("<svg").contains("Error budget left over the window of &lt;script&gt;");
        assertThat(body).contains("Error-budget burn-down").contains("page-1h").contains("firing");
        assertThat(body).contains("exhausted").contains("Feature freeze").contains("already exhausted").contains("58,800 / 60,000");
        assertThat(body).contains("<th scope=\"row\">1h</th>").contains("20.00");

        HttpResponse<String> forService = get("/services/" + service + "/slos");
        assertThat(forService.statusCode()).isEqualTo(200);
        assertThat(forService.body()).contains(name).contains("SLOs of");
        assertThat(get("/services/" + service).body()).contains("/services/" + service + "/slos");
        assertThat(get("/slos/no-such-" + f.run).statusCode()).isEqualTo(404);
        assertThat(get("/slos?team=nobody-" + f.run).body()).contains("No SLOs").contains("match these filters");
    }

    @Test
    void theImportFormShowsProblemsOrWhatWasImportedAndAPrometheusSloThatCannotBeReachedIsShownStale() throws Exception {
        String service = f.service("form", "B");
        String name = "form-" + f.run;
        HttpResponse<String> listed = get("/slos");
        HttpResponse<String> refused = post("/slos/import", "yaml=" + enc(SloFixture.builtIn(name, service, "1.5", null))
                + "&_csrf=" + csrf(listed.body()));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Nothing was imported").contains("spec.objectives[0].target");
        assertThat(status(f.admin.get("/api/v1/slos/" + name), 404).status()).isEqualTo(404);

        String yaml = SloFixture.prometheus(name, service, "form", "http://127.0.0.1:9");
        HttpResponse<String> imported = post("/slos/import", "yaml=" + enc(yaml) + "&_csrf=" + csrf(refused.body()));
        assertThat(imported.body()).contains("Imported").contains("created").contains(name);

        HttpResponse<String> page = get("/slos/" + name);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Stale data").contains("No figures were ever received").contains("Prometheus rules");

        HttpResponse<String> deleted = post("/slos/" + name + "/delete", "version=0&_csrf=" + csrf(page.body()));
        assertThat(deleted.statusCode()).isEqualTo(302);
        status(f.admin.get("/api/v1/slos/" + name), 404);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF field").isTrue();
        return enc(m.group(1));
    }
}
