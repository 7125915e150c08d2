package dev.tandem.slo;

import dev.tandem.support.IntegrationTest;
import dev.tandem.support.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.tandem.slo.SloFixture.status;
import static dev.tandem.support.PageSession.enc;
import static org.assertj.core.api.Assertions.assertThat;

/** The budget-policy form on an SLO's page, for the owning team, and read-only for everyone else. */
@IntegrationTest
class SloPolicyPagesIT {

    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

    @LocalServerPort
    int port;

    private SloFixture f;
    private String name;

    @BeforeEach
    void setUp() {
        f = new SloFixture(port);
        String service = f.service("pol", "B");
        name = "pol-" + f.run;
        status(f.member().postYaml("/api/v1/slos/import", SloFixture.builtIn(name, service, "0.999", null)), 200);
    }

    private PageSession as(String part) throws Exception {
        String username = part + "-" + f.run;
        return PageSession.signIn(port, username, "password-of-" + username);
    }

    private static String form(String atRisk, String exhausted, String exhaustedAction, int version, String csrf) {
        return "atRiskBelow=" + enc(atRisk) + "&exhaustedAtOrBelow=" + enc(exhausted) + "&healthyAction=" + enc("Ship.")
                + "&atRiskAction=" + enc("Review every change.") + "&exhaustedAction=" + enc(exhaustedAction)
                + "&version=" + version + "&_csrf=" + csrf;
    }

    private JsonNode slo() {
        return status(f.admin.get("/api/v1/slos/" + name), 200).json();
    }

    private boolean noPolicy() {
        JsonNode policy = slo().get("policy");
        return policy == null || policy.isNull();
    }

    private static int version(String html) {
        Matcher m = VERSION.matcher(html.substring(html.indexOf("Change the policy")));
        assertThat(m.find()).as("the form's version").isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void aTeamMemberSetsThePolicyWhichIsAuditedAndResetsItToTheDefault() throws Exception {
        PageSession member = as("member");
        HttpResponse<String> page = member.get("/slos/" + name);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Change the policy").contains("follows the default policy")
                .contains("<label for=\"atRiskBelow\">").contains("value=\"25\"").contains("<th scope=\"col\">State</th>")
                .doesNotContain("Reset to the default policy");

        HttpResponse<String> saved = member.post("/slos/" + name + "/policy",
                form("40", "5", "Freeze <b>all</b> features", version(page.body()), PageSession.csrf(page.body())));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        JsonNode policy = slo().get("policy");
        assertThat(policy.get("atRiskBelow").asDouble()).isEqualTo(0.4);
        assertThat(policy.get("exhaustedAtOrBelow").asDouble()).isEqualTo(0.05);
        assertThat(policy.get("actions").get("EXHAUSTED").asString()).isEqualTo("Freeze <b>all</b> features");
        assertThat(slo().get("version").asInt()).isEqualTo(1);

        JsonNode audit = status(f.admin.get("/api/v1/audit?entityType=slo&entityName=" + name), 200).json().get("items");
        assertThat(audit.toString()).contains("budget policy set").contains("member-" + f.run);

        HttpResponse<String> shown = member.get("/slos/" + name);
        assertThat(shown.body()).contains("has a policy of its own").contains("40 % or less").contains("5 % or less")
                .contains("Freeze &lt;b&gt;all&lt;/b&gt; features").doesNotContain("<b>all</b>")
                .contains("The budget policy of SLO").contains("Reset to the default policy");

        String reset = shown.body().substring(shown.body().indexOf("/policy/reset"));
        HttpResponse<String> staleReset = member.post("/slos/" + name + "/policy/reset", "version=0&_csrf=" + PageSession.csrf(reset));
        assertThat(staleReset.statusCode()).isEqualTo(302);
        assertThat(member.get("/slos/" + name).body()).contains("Nothing was reset").contains("it is now version 1");
        assertThat(noPolicy()).isFalse();

        HttpResponse<String> cleared = member.post("/slos/" + name + "/policy/reset",
                "version=" + version(shown.body()) + "&_csrf=" + PageSession.csrf(reset));
        assertThat(cleared.statusCode()).isEqualTo(302);
        assertThat(noPolicy()).isTrue();
        assertThat(member.get("/slos/" + name).body()).contains("was reset").contains("follows the default policy");
    }

    @Test
    void badThresholdsComeBackNextToTheirFieldsAndAStaleVersionSaysSo() throws Exception {
        PageSession sre = as("sre");
        HttpResponse<String> page = sre.get("/slos/" + name);
        String csrf = PageSession.csrf(page.body());

        HttpResponse<String> notNumber = sre.post("/slos/" + name + "/policy", form("lots", "", "Stop.", 0, csrf));
        assertThat(notNumber.statusCode()).isEqualTo(200);
        assertThat(notNumber.body()).contains("Please correct the following")
                .contains("&#39;lots&#39; is not a number").contains("Enter a percentage of the budget left")
                .contains("value=\"lots\"");

        HttpResponse<String> inverted = sre.post("/slos/" + name + "/policy", form("10", "30", "Stop.", 0, csrf));
        assertThat(inverted.statusCode()).isEqualTo(200);
        assertThat(inverted.body()).contains("Must be at or below the at-risk threshold (10 %)");
        HttpResponse<String> tooHigh = sre.post("/slos/" + name + "/policy", form("150", "0", "Stop.", 0, csrf));
        assertThat(tooHigh.body()).contains("At most 100 %");
        assertThat(noPolicy()).as("nothing was written").isTrue();
        assertThat(slo().get("version").asInt()).isZero();

        // someone else changes the SLO (through the API) while the form is open at version 0
        status(f.member().put("/api/v1/slos/" + name + "/policy", "{\"atRiskBelow\": 0.5, \"version\": 0}"), 200);
        HttpResponse<String> stale = sre.post("/slos/" + name + "/policy", form("30", "0", "Stop now.", 0, csrf));
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).contains("Someone else changed this SLO").contains("it is now version 1")
                .contains("value=\"30\"").contains("Stop now.");
        assertThat(version(stale.body())).isEqualTo(1);
        assertThat(slo().get("policy").get("atRiskBelow").asDouble()).isEqualTo(0.5);

        // saving again knowingly replaces the other change
        HttpResponse<String> again = sre.post("/slos/" + name + "/policy", form("30", "0", "Stop now.", 1, PageSession.csrf(stale.body())));
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(slo().get("policy").get("atRiskBelow").asDouble()).isEqualTo(0.3);
    }

    @Test
    void viewersAndOtherTeamsSeeThePolicyReadOnlyAndMayNotChangeIt() throws Exception {
        for (String part : new String[] {"viewer", "outsider"}) {
            PageSession session = as(part);
            HttpResponse<String> page = session.get("/slos/" + name);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Budget policy").contains("25 % or less").contains("Feature freeze")
                    .doesNotContain("Change the policy").doesNotContain("/policy/reset");
            String csrf = PageSession.csrf(page.body());
            assertThat(session.post("/slos/" + name + "/policy", form("40", "0", "Stop.", 0, csrf)).statusCode()).as(part).isEqualTo(403);
            assertThat(session.post("/slos/" + name + "/policy/reset", "version=0&_csrf=" + csrf).statusCode()).as(part).isEqualTo(403);
        }
        assertThat(noPolicy()).isTrue();
        assertThat(slo().get("version").asInt()).isZero();
    }
}
