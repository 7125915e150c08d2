package dev.tandem.browser;

import dev.tandem.slo.SloFixture;
import dev.tandem.support.Api;
import dev.tandem.support.IntegrationTest;
import dev.tandem.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The budget-policy form on an SLO's page in headless Chromium: a wrong threshold, then a saved policy, then the reset. */
@IntegrationTest
class SloPolicyBrowserIT extends BrowserTest {

    @Test
    void setTheBudgetPolicyOnTheSloPageAndResetIt() {
        Api admin = Api.at(port).admin();
        String team = "policy-browser-" + run;
        String service = "policy-browser-svc-" + run;
        String slo = "policy-browser-" + run;
        assertThat(admin.post("/api/v1/teams", Api.json(Map.of("name", team))).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/services", Api.json(Map.of("name", service, "owner", team, "readinessLevel", "B",
                "lifecycle", "production", "type", "service"))).status()).isEqualTo(201);
        assertThat(admin.postYaml("/api/v1/slos/import", SloFixture.builtIn(slo, service, "0.999", null)).status()).isEqualTo(200);

        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(TestDatabase.ADMIN_PASSWORD);
        click(By.cssSelector("form button[type=submit]"));

        browser.get(url("/slos/" + slo));
        assertThat(main()).contains("follows the default policy").contains("25 % or less");
        type("atRiskBelow", "10");
        type("exhaustedAtOrBelow", "20");
        click(By.xpath("//button[normalize-space()='Save policy']"));
        WebElement error = browser.findElement(By.xpath("//input[@id='exhaustedAtOrBelow']/following-sibling::span[@class='field-error']"));
        assertThat(error.getText()).contains("Must be at or below the at-risk threshold (10 %)");
        assertThat(browser.findElement(By.id("atRiskBelow")).getAttribute("value")).isEqualTo("10");

        type("exhaustedAtOrBelow", "0");
        type("exhaustedAction", "Stop shipping features <now>.");
        click(By.xpath("//button[normalize-space()='Save policy']"));
        assertThat(main()).contains("was saved").contains("has a policy of its own").contains("10 % or less")
                .contains("Stop shipping features <now>.");
        assertThat(admin.get("/api/v1/slos/" + slo).json().get("policy").get("atRiskBelow").asDouble()).isEqualTo(0.1);

        click(By.xpath("//button[normalize-space()='Reset to the default policy']"));
        assertThat(main()).contains("was reset").contains("follows the default policy").contains("25 % or less");
    }
}
