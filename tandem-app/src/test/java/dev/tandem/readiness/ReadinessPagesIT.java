package dev.tandem.readiness;

import dev.tandem.support.Api;
import dev.tandem.support.IntegrationTest;
import dev.tandem.support.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The readiness pages over plain HTTP, as a browser without JavaScript sees them, with an admin's session. */
@IntegrationTest
class ReadinessPagesIT {


    @LocalServerPort
    int port;

    private PageSession session;
    private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);

    @BeforeEach
    void signIn() throws Exception {
        session = PageSession.admin(port);
    }

    @Test
    void theProgramPagesListChecklistsChecksAndScorecards() throws Exception {
        HttpResponse<String> overview = session.get("/readiness");
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).contains("Automatic checks").contains("k8s.pdb.present").contains("Tandem production readiness checklist");
        HttpResponse<String> checklist = session.get("/readiness/checklists/default");
        assertThat(checklist.statusCode()).isEqualTo(200);
        assertThat(checklist.body()).contains("Design").contains("Pre-production").contains("k8s.image.pinned");
        assertThat(session.get("/readiness/checklists/no-such-" + run).statusCode()).isEqualTo(404);
    }

    @Test
    void aScorecardSavedThroughTheFormIsShownEscapedWithItsChart() throws Exception {
        String yaml = """
                apiVersion: tandem.dev/v1
                kind: Scorecard
                metadata: {name: page-%s, title: "<script>alert(1)</script> basics"}
                spec:
                  levels:
                    - {name: "<b>Bronze</b>", checks: [catalog.owner]}
                """.formatted(run);
        Api admin = Api.at(port).admin();
        admin.post("/api/v1/teams", Api.json(Map.of("name", "chart-" + run)));
        admin.post("/api/v1/services", Api.json(Map.of("name", "chart-svc-" + run, "owner", "chart-" + run,
                "readinessLevel", "B", "lifecycle", "production", "type", "service")));
        String token = PageSession.csrf(session.get("/readiness").body());
        HttpResponse<String> bad = session.post("/readiness/scorecards/import", "yaml=" + PageSession.enc(yaml.replace("catalog.owner", "nope"))
                + "&_csrf=" + token);
        assertThat(bad.statusCode()).isEqualTo(302);
        HttpResponse<String> refused = session.get("/readiness");
        assertThat(refused.body()).contains("Nothing was saved").contains("unknown check &#39;nope&#39;");

        HttpResponse<String> saved = session.post("/readiness/scorecards/import", "yaml=" + PageSession.enc(yaml) + "&_csrf=" + PageSession.csrf(refused.body()));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElse("")).endsWith("/scorecards/page-" + run);
        HttpResponse<String> page = session.get("/scorecards/page-" + run);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt; basics")
                .doesNotContain("<b>Bronze</b>").contains("&lt;b&gt;Bronze&lt;/b&gt;").contains("<svg");
        Api.at(port).admin().delete("/api/v1/scorecards/page-" + run);
    }

    @Test
    void theServicePageShowsAnswersEscapedAndAcceptsAnswersFromItsForm() throws Exception {
        Api admin = Api.at(port).admin();
        String team = "pages-" + run;
        admin.post("/api/v1/teams", Api.json(Map.of("name", team)));
        String service = "pages-svc-" + run;
        admin.post("/api/v1/services", Api.json(Map.of("name", service, "owner", team, "readinessLevel", "B",
                "lifecycle", "production", "type", "service")));
        HttpResponse<String> before = session.get("/services/" + service + "/readiness");
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(before.body()).contains("No review yet").contains("Start a review");

        assertThat(session.post("/services/" + service + "/readiness/start", "_csrf=" + PageSession.csrf(before.body())).statusCode()).isEqualTo(302);
        String item = admin.get("/api/v1/services/" + service + "/readiness").json().get("items").get(0).get("item").get("id").asString();
        HttpResponse<String> draft = session.get("/services/" + service + "/readiness");
        HttpResponse<String> refused = session.post("/services/" + service + "/readiness/items/" + item,
                "state=MET&evidence=&links=&justification=&version=0&_csrf=" + PageSession.csrf(draft.body()));
        assertThat(refused.statusCode()).as("the page comes back with the message").isEqualTo(200);
        assertThat(refused.body()).contains("a met item needs evidence");
        HttpResponse<String> answered = session.post("/services/" + service + "/readiness/items/" + item,
                "state=MET&evidence=" + PageSession.enc("<img src=x onerror=alert(1)> design doc") + "&links=" + PageSession.enc("https://docs.example.com/a\nhttps://docs.example.com/b")
                        + "&justification=&version=0&_csrf=" + PageSession.csrf(draft.body()));
        assertThat(answered.statusCode()).isEqualTo(302);
        HttpResponse<String> after = session.get("/services/" + service + "/readiness");
        assertThat(after.body()).doesNotContain("<img src=x").contains("&lt;img src=x onerror=alert(1)&gt; design doc")
                .contains("href=\"https://docs.example.com/b\"");
        assertThat(admin.get("/api/v1/services/" + service + "/readiness").json().get("items").get(0).get("answer")
                .get("links").valueStream().map(n -> n.asString()).toList())
                .isEqualTo(List.of("https://docs.example.com/a", "https://docs.example.com/b"));
        HttpResponse<String> report = session.get("/services/" + service + "/readiness/report");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("Production readiness report").contains("&lt;img src=x");
    }
}
