package dev.tandem.slo;

import dev.tandem.support.IntegrationTest;
import dev.tandem.support.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;

import static dev.tandem.slo.SloFixture.status;
import static org.assertj.core.api.Assertions.assertThat;

/** The SLO pages over plain HTTP, as a browser without JavaScript sees them, with an admin's session. */
@IntegrationTest
class SloPagesIT {

    private static final String EVIL = "<script>alert(1)</script> & co";

    @LocalServerPort
    int port;

    private PageSession session;
    private SloFixture f;

    @BeforeEach
    void signIn() throws Exception {
        f = new SloFixture(port);
        session = PageSession.admin(port);
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

        HttpResponse<String> list = session.get("/slos?team=" + f.team);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(name).contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co")
                .doesNotContain(EVIL).contains("exhausted").contains("aria-sort=\"ascending\"");

        HttpResponse<String> page = session.get("/slos/" + name);
        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(body).doesNotContain("<script>alert").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(body).contains("<svg").contains("Error budget left over the window of &lt;script&gt;");
        assertThat(body).contains("Error-budget burn-down").contains("page-1h").contains("firing");
        assertThat(body).contains("exhausted").contains("Feature freeze").contains("already exhausted").contains("58,800 / 60,000");
        assertThat(body).contains("<th scope=\"row\">1h</th>").contains("20.00");

        HttpResponse<String> forService = session.get("/services/" + service + "/slos");
        assertThat(forService.statusCode()).isEqualTo(200);
        assertThat(forService.body()).contains(name).contains("SLOs of");
        assertThat(session.get("/services/" + service).body()).contains("/services/" + service + "/slos");
        assertThat(session.get("/slos/no-such-" + f.run).statusCode()).isEqualTo(404);
        assertThat(session.get("/slos?team=nobody-" + f.run).body()).contains("No SLOs").contains("match these filters");
    }

    @Test
    void theImportFormShowsProblemsOrWhatWasImportedAndAPrometheusSloThatCannotBeReachedIsShownStale() throws Exception {
        String service = f.service("form", "B");
        String name = "form-" + f.run;
        HttpResponse<String> listed = session.get("/slos");
        HttpResponse<String> refused = session.post("/slos/import", "yaml=" + PageSession.enc(SloFixture.builtIn(name, service, "1.5", null))
                + "&_csrf=" + PageSession.csrf(listed.body()));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Nothing was imported").contains("spec.objectives[0].target");
        assertThat(status(f.admin.get("/api/v1/slos/" + name), 404).status()).isEqualTo(404);

        String yaml = SloFixture.prometheus(name, service, "form", "http://127.0.0.1:9");
        HttpResponse<String> imported = session.post("/slos/import", "yaml=" + PageSession.enc(yaml) + "&_csrf=" + PageSession.csrf(refused.body()));
        assertThat(imported.body()).contains("Imported").contains("created").contains(name);

        HttpResponse<String> page = session.get("/slos/" + name);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Stale data").contains("No figures were ever received").contains("Prometheus rules");

        HttpResponse<String> deleted = session.post("/slos/" + name + "/delete", "version=0&_csrf=" + PageSession.csrf(page.body()));
        assertThat(deleted.statusCode()).isEqualTo(302);
        status(f.admin.get("/api/v1/slos/" + name), 404);
    }
}
