package dev.tandem.browser;

import dev.tandem.support.Api;
import dev.tandem.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service walked from no review to an approved one in headless Chromium: a team member starts the
 * review, answers every required item on the page (one with a refused answer first, which comes back
 * with the typed text kept), submits; an SRE sends it back once and then approves it.
 */
@IntegrationTest
class ReadinessBrowserIT extends BrowserTest {

    private String user(Api admin, String part, String role, String team) {
        String username = part + "-" + run;
        admin.post("/api/v1/users", Api.json(Map.of("username", username, "role", role, "password", "password-of-" + username)));
        admin.post("/api/v1/people", Api.json(Map.of("name", username, "role", "ENGINEER")));
        if (team != null) {
            admin.put("/api/v1/teams/" + team + "/members/" + username, "{}");
        }
        return username;
    }

    private void answer(String itemId, String state, String evidenceOrReason) {
        WebElement item = browser.findElement(By.id("item-" + itemId));
        if (item.findElement(By.tagName("details")).getAttribute("open") == null) {
            item.findElement(By.tagName("summary")).click();
        }
        item.findElement(By.cssSelector("input[name=state][value=" + state + "]")).click();
        String field = state.equals("NOT_APPLICABLE") ? "justification-" : "evidence-";
        WebElement text = item.findElement(By.id(field + itemId));
        text.clear();
        text.sendKeys(evidenceOrReason);
        WebElement old = browser.findElement(By.tagName("html"));
        item.findElement(By.cssSelector("form.answer-form button[type=submit]")).click();
        Browser.waitUntilLeft(browser, old);
    }

    @Test
    void aMemberAnswersAndSubmitsAndAnSreApproves() {
        Api admin = Api.at(port).admin();
        String team = "browser-readiness-" + run;
        admin.post("/api/v1/teams", Api.json(Map.of("name", team)));
        String member = user(admin, "author", "MEMBER", team);
        String sre = user(admin, "reviewer", "SRE", null);
        String service = "walk-" + run;
        assertThat(admin.post("/api/v1/services", Api.json(Map.of("name", service, "owner", team, "readinessLevel", "C",
                "lifecycle", "production", "type", "service", "description", "Walked <through> a review"))).status())
                .isEqualTo(201);

        signIn(member, "password-of-" + member);
        browser.get(url("/services/" + service));
        click(By.cssSelector(".page-head .actions a[href$=\"/readiness\"]"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains(service).contains("production readiness");
        assertThat(browser.findElements(By.cssSelector("input[name=state]"))).isEmpty();
        click(By.xpath("//button[normalize-space()='Start a review']"));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("review was started");
        assertThat(browser.findElement(By.cssSelector(".blockers")).getText()).contains("block approval");

        List<String> required = new ArrayList<>();
        for (JsonNode item : admin.get("/api/v1/services/" + service + "/readiness").json().get("items")) {
            if (item.get("requirement").asString().equals("REQUIRED")) {
                required.add(item.get("item").get("id").asString());
            }
        }
        assertThat(required).isNotEmpty();

        // a refused answer comes back with the message and the typed text
        String first = required.get(0);
        answer(first, "NOT_APPLICABLE", " ");
        assertThat(browser.findElement(By.cssSelector("#item-" + first + " .error-summary")).getText())
                .contains("justification");
        answer(first, "NOT_APPLICABLE", "This service keeps <no> state at all");
        assertThat(browser.getPageSource()).contains("This service keeps &lt;no&gt; state at all");

        for (String id : required.subList(1, required.size())) {
            answer(id, "MET", "See the design doc for " + id);
        }
        assertThat(browser.findElements(By.cssSelector(".blockers"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector("#workflow-title + .notice")).getText()).contains("can be approved");
        browser.findElement(By.id("submit-comment")).sendKeys("Ready for a look");
        click(By.xpath("//button[normalize-space()='Submit for review']"));
        assertThat(browser.findElement(By.cssSelector(".badge.review-in_review")).getText()).isEqualTo("in review");
        assertThat(browser.findElements(By.xpath("//button[normalize-space()='Approve']"))).isEmpty();

        signIn(sre, "password-of-" + sre);
        browser.get(url("/services/" + service + "/readiness"));
        browser.findElement(By.id("decision-comment")).sendKeys("Please link the runbook");
        click(By.xpath("//button[normalize-space()='Request changes']"));
        assertThat(browser.findElement(By.cssSelector(".badge.review-changes_requested")).getText()).isEqualTo("changes requested");

        signIn(member, "password-of-" + member);
        browser.get(url("/services/" + service + "/readiness"));
        answer(required.get(1), "MET", "Runbook: https://wiki.example.com/runbook");
        click(By.xpath("//button[normalize-space()='Submit for review']"));

        signIn(sre, "password-of-" + sre);
        browser.get(url("/services/" + service + "/readiness"));
        browser.findElement(By.id("decision-comment")).sendKeys("Approved, thank you");
        click(By.xpath("//button[normalize-space()='Approve']"));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("approved");
        assertThat(browser.findElement(By.cssSelector(".badge.review-approved")).getText()).isEqualTo("approved");
        String history = browser.findElement(By.id("history")).getText();
        assertThat(history).contains(sre).contains(member).contains("Approved, thank you").contains("Please link the runbook");

        click(By.linkText("Printable report"));
        String report = browser.findElement(By.tagName("main")).getText();
        assertThat(report).contains("Production readiness report").contains("approved").contains(sre)
                .contains("This service keeps <no> state at all");
    }
}
