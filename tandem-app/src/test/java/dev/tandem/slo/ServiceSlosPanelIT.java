package dev.tandem.slo;

import dev.tandem.support.IntegrationTest;
import dev.tandem.support.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;

import static dev.tandem.slo.SloFixture.status;
import static org.assertj.core.api.Assertions.assertThat;

/** The SLO section of the catalog's service page, filled by the slo module through the catalog's ServicePanels. */
@IntegrationTest
class ServiceSlosPanelIT {

    private static final String EVIL = "<b>loud</b> & \"quoted\"";

    @LocalServerPort
    int port;

    private SloFixture f;
    private PageSession admin;

    @BeforeEach
    void setUp() throws Exception {
        f = new SloFixture(port);
        admin = PageSession.admin(port);
    }

    @Test
    void theServicePageListsItsSlosWithTheirStoredBudgetWorstFirstAndEscapesTheirNames() throws Exception {
        String service = f.service("panel", "B");
        String healthy = "panel-ok-" + f.run;
        String exhausted = "panel-bad-" + f.run;
        status(f.member().postYaml("/api/v1/slos/import", SloFixture.builtIn(healthy, service, "0.99", null)), 200);
        status(f.member().postYaml("/api/v1/slos/import", SloFixture.builtIn(exhausted, service, "0.999", null)
                .replace("  name: " + exhausted + "\n", "  name: " + exhausted + "\n  displayName: '" + EVIL + "'\n")), 200);
        // 60 of 60,000 events bad: under a 99 % objective, a tenth of the budget is spent
        status(f.member().post("/api/v1/slos/" + healthy + "/events", SloFixture.points(60, 1, 1000)), 200);
        // 1,200 of 60,000 bad under 99.9 %: twenty budgets spent
        status(f.member().post("/api/v1/slos/" + exhausted + "/events", SloFixture.points(60, 20, 1000)), 200);

        HttpResponse<String> page = admin.get("/services/" + service);
        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        String panel = section(body);
        assertThat(panel).contains("<caption class=\"visually-hidden\">SLOs</caption>")
                .contains("href=\"/services/" + service + "/slos\"");
        assertThat(panel).contains("href=\"/slos/" + healthy + "\"").contains(">" + healthy + "</a>")
                .contains("99 %").contains("99.900 %").contains("90.0 %").contains("panel-ok").contains("healthy");
        assertThat(panel).contains("href=\"/slos/" + exhausted + "\"")
                .contains("&lt;b&gt;loud&lt;/b&gt; &amp; &quot;quoted&quot;").doesNotContain("<b>loud</b>")
                .contains("99.9 %").contains("-1900.0 %").contains("panel-bad").contains("exhausted");
        assertThat(panel.indexOf(exhausted)).as("the worst budget comes first").isLessThan(panel.indexOf(healthy));
        assertThat(panel).doesNotContain("No SLOs yet");
        // the button to the full page stays
        assertThat(body).contains("class=\"button\" href=\"/services/" + service + "/slos\"");
    }

    @Test
    void aServiceWithoutSlosSaysSoAndOffersTheImportToEditorsOnly() throws Exception {
        String service = f.service("bare", "C");

        String forAdmin = section(admin.get("/services/" + service).body());
        assertThat(forAdmin).contains("No SLOs yet.").contains("href=\"/slos#import\"").contains("Import one")
                .doesNotContain("<table");

        PageSession viewer = PageSession.signIn(port, "viewer-" + f.run, "password-of-viewer-" + f.run);
        HttpResponse<String> page = viewer.get("/services/" + service);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(section(page.body())).contains("No SLOs yet.").doesNotContain("Import one");
    }

    /** The service page's section titled SLOs, so that the assertions cannot be met by the rest of the page. */
    private static String section(String body) {
        int start = body.indexOf("<section class=\"service-panel\"");
        assertThat(start).as("the service page has a panel section").isNotNegative();
        int end = body.indexOf("</section>", start);
        String section = body.substring(start, end);
        assertThat(section).contains(">SLOs</span>");
        return section;
    }
}
