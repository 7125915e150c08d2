package dev.tandem.browser;

import dev.tandem.support.Api;
import dev.tandem.support.IntegrationTest;
import dev.tandem.support.TestDatabase;
import dev.tandem.slo.SloFixture;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An SLO as a person meets it in headless Chromium: imported through the form on the SLO list, fed
 * through the API with an hour at 2 % errors, then read on its page (budget, charts, burn rates, the
 * paging alert) and found again on its service's SLO page.
 */
@IntegrationTest
class SloBrowserIT extends BrowserTest {

    @Test
    void importAnSloOnItsPageAndReadItsBudgetAndAlerts() {
        Api admin = Api.at(port).admin();
        String team = "slo-browser-" + run;
        String service = "slo-browser-svc-" + run;
        String slo = "checkout-availability-" + run;
        admin.post("/api/v1/teams", Api.json(Map.of("name", team)));
        assertThat(admin.post("/api/v1/services", Api.json(Map.of("name", service, "owner", team, "readinessLevel", "B",
                "lifecycle", "production", "type", "service"))).status()).isEqualTo(201);

        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(TestDatabase.ADMIN_PASSWORD);
        click(By.cssSelector("form button[type=submit]"));

        browser.get(url("/slos"));
        browser.executeScript("arguments[0].value = arguments[1];", browser.findElement(By.id("yaml")),
                SloFixture.builtIn(slo, service, "0.999", null)
                        .replace("  name: " + slo + "\n", "  name: " + slo + "\n  displayName: Checkout <availability>\n"));
        click(By.xpath("//section[@id='import']//button[normalize-space()='Import']"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Imported");

        // an hour at 2 % errors: a 99.9 % SLO burns at 20 and pages
        assertThat(admin.post("/api/v1/slos/" + slo + "/events", SloFixture.points(60, 20, 1000)).status()).isEqualTo(200);

        browser.get(url("/slos/" + slo));
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("Checkout <availability>").contains("Error budget").contains("Burn rates and alerts");
        assertThat(browser.findElements(By.cssSelector(".chart svg"))).isNotEmpty();
        String burn = browser.findElement(By.xpath("//h2[@id='burn-title']/following-sibling::table[1]")).getText();
        assertThat(burn).contains("1h").contains("20");
        String alerts = browser.findElement(By.xpath("//h2[@id='burn-title']/following-sibling::table[2]")).getText();
        assertThat(alerts.toLowerCase()).contains("page").contains("firing");

        browser.get(url("/services/" + service + "/slos"));
        // every event so far failed at 20 times the allowed rate: the budget is spent 20 times over
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Checkout <availability>")
                .contains("-1900.0 %").contains("exhausted");
    }
}
