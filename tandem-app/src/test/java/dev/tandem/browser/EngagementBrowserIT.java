package dev.tandem.browser;

import dev.tandem.slo.SloFixture;
import dev.tandem.support.Api;
import dev.tandem.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole path of an engagement as people walk it in headless Chromium: a proposal through the form,
 * its rank in the queue, the manager's acceptance and plan, a charter with exit criteria on an SLO and
 * a manual one, the start, SLO data turning the criteria green, a survey answered through its personal
 * link while signed out, the exit, the after-action report, completion, and the program dashboard.
 */
@IntegrationTest
class EngagementBrowserIT extends BrowserTest {

    @Test
    void proposeRankAcceptCharterSignalsSurveyExitReport() {
        Api admin = Api.at(port).admin();
        String team = "eb-" + run;
        String service = "eb-checkout-" + run;
        String slo = "eb-availability-" + run;
        String sre = "eb-sre-" + run;
        String member = "eb-member-" + run;
        assertThat(admin.post("/api/v1/teams", Api.json(Map.of("name", team))).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/services", Api.json(Map.of("name", service, "owner", team, "readinessLevel", "B",
                "lifecycle", "production", "type", "service"))).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/people", Api.json(Map.of("name", sre, "role", "SRE"))).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/people", Api.json(Map.of("name", member, "role", "ENGINEER",
                "email", member + "@example.com"))).status()).isEqualTo(201);
        assertThat(admin.put("/api/v1/teams/" + team + "/members/" + member, "{}").status()).isEqualTo(200);
        assertThat(admin.postYaml("/api/v1/slos/import", SloFixture.builtIn(slo, service, "0.99", team)).status()).isEqualTo(200);

        signInAsAdmin();

        // propose
        browser.get(url("/engagements/new"));
        new Select(browser.findElement(By.id("team"))).selectByValue(team);
        type("title", "Checkout <reliability> " + run);
        type("services", service);
        type("pain", "Night pages every week");
        type("incidents", "8");
        type("willingness", "5");
        type("motivation", "5");
        type("risk", "1");
        new Select(browser.findElement(By.id("relationship"))).selectByValue("established");
        button("Propose");
        assertThat(main()).contains("The engagement was proposed").contains("Selection score");
        String engagementPath = browser.getCurrentUrl().replaceAll("^.*(/engagements/\\d+).*$", "$1");
        long id = Long.parseLong(engagementPath.replaceAll("\\D", ""));

        // rank and accept from the queue
        browser.get(url("/engagements/queue"));
        WebElement row = browser.findElement(By.id("candidate-" + id));
        assertThat(row.getText()).contains("Checkout <reliability> " + run).contains("Low risk").contains("risk 1 of 5")
                .contains("established relationship");
        row.findElement(By.name("reason")).sendKeys("Low risk, established relationship");
        Browser.clickAndWait(browser, By.xpath("//tr[@id='candidate-" + id + "']//button[normalize-space()='Accept']"));
        assertThat(main()).contains("The engagement was accepted");

        // plan: the SRE, half time
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        browser.executeScript("arguments[0].value = arguments[1]; arguments[2].value = arguments[3];",
                browser.findElement(By.id("plannedStart")), today.toString(),
                browser.findElement(By.id("plannedEnd")), today.plusDays(1).toString());
        new Select(browser.findElement(By.id("sre-0"))).selectByValue(sre);
        type("share-0", "50");
        button("Save the plan");
        assertThat(main()).contains("The plan was saved").contains("(50 %)");

        // the charter and its exit criteria
        browser.get(url(engagementPath + "/charter"));
        type("goal", "Page only for what users feel");
        type("inScope", "alerting\nthe checkout SLO");
        button("Save the charter");
        assertThat(main()).contains("Charter version 1 was saved");
        new Select(browser.findElement(By.id("c-kind"))).selectByValue("slo-attainment");
        new Select(browser.findElement(By.id("c-slo"))).selectByValue(slo);
        type("c-days", "1");
        button("Add the criterion");
        assertThat(main()).contains("The exit criterion was added");
        new Select(browser.findElement(By.id("c-kind"))).selectByValue("budget-not-exhausted");
        new Select(browser.findElement(By.id("c-slo"))).selectByValue(slo);
        button("Add the criterion");
        new Select(browser.findElement(By.id("c-kind"))).selectByValue("manual");
        type("c-title", "The team runs its own postmortems");
        button("Add the criterion");
        assertThat(main()).contains("SLO " + slo + " meets its objective over the last day")
                .contains("the error budget of SLO " + slo + " is not exhausted").contains("The team runs its own postmortems");

        // start
        browser.get(url(engagementPath));
        button("Move to learning the service");
        assertThat(main()).contains("The engagement is now learning the service").contains("Exit readiness: not ready");

        // signals: an hour of good traffic meets the SLO criteria; the manual one is recorded with evidence
        assertThat(admin.post("/api/v1/slos/" + slo + "/events", SloFixture.points(60, 0, 1000)).status()).isEqualTo(200);
        browser.get(url(engagementPath + "/criteria"));
        button("Evaluate now");
        assertThat(main()).contains("2 of 3");
        WebElement manual = browser.findElement(By.id("manual-manual"));
        manual.findElement(By.cssSelector("input[name=met][value=true]")).click();
        manual.findElement(By.name("evidence")).sendKeys("Postmortem of the 3 December outage, written by the team");
        Browser.clickAndWait(browser, By.xpath("//*[@id='manual-manual']//button[normalize-space()='Record']"));
        browser.get(url(engagementPath));
        assertThat(main()).contains("Exit readiness: ready").contains("all 3 criteria met");

        // a survey: sent to the team, answered through the personal link without signing in
        browser.get(url(engagementPath + "/surveys"));
        new Select(browser.findElement(By.id("milestone"))).selectByValue("monthly");
        button("Send to the team's members");
        String link = browser.findElements(By.tagName("code")).stream().map(WebElement::getText)
                .filter(t -> t.contains("/s/")).findFirst().orElseThrow();
        browser.manage().deleteAllCookies();
        browser.get(link.startsWith("http") ? link : url(link));
        List<WebElement> fives = browser.findElements(By.cssSelector("input[type=radio][value='5']"));
        assertThat(fives).isNotEmpty();
        fives.forEach(WebElement::click);
        button("Send my answers");
        assertThat(main()).containsIgnoringCase("thank");
        browser.get(link.startsWith("http") ? link : url(link));
        assertThat(main()).contains("You have already answered this survey");

        // the exit and the after-action report
        signInAsAdmin();
        for (String next : List.of("sharing context", "driving change", "exiting")) {
            browser.get(url(engagementPath));
            button("Move to " + next);
            assertThat(main()).contains("The engagement is now " + next);
        }
        browser.get(url(engagementPath + "/report"));
        WebElement body = browser.findElement(By.id("report-body"));
        assertThat(body.getAttribute("value")).contains("# After-action report: Checkout <reliability> " + run)
                .contains("## Exit criteria at the exit").contains("Page only for what users feel");
        body.sendKeys("\nWhat went well: the team ran the last postmortem alone.");
        button("Save the report");
        assertThat(main()).contains("The after-action report was saved");
        browser.get(url(engagementPath));
        button("Move to completed");
        assertThat(main()).contains("The engagement is now completed");

        // the program dashboard counts it
        browser.get(url("/program"));
        String dashboard = main();
        assertThat(dashboard).contains("Average satisfaction").contains("Checkout <reliability> " + run)
                .contains("3 of 3");
        assertThat(browser.findElement(By.id("satisfaction")).getText()).matches("\\d\\.\\d\\d / 5");
    }
}
