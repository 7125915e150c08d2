package dev.tandem.browser;

import dev.tandem.support.Api;
import dev.tandem.support.IntegrationTest;
import dev.tandem.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** The pages as a person uses them, in headless Chromium: sign in, create, import, look, get told off. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogBrowserIT {

    @LocalServerPort
    int port;

    private ChromeDriver browser;

    @BeforeAll
    void signIn() throws IOException {
        browser = Browser.start();
        browser.get(url("/services"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(TestDatabase.ADMIN_PASSWORD);
        submit("form button[type=submit]");
        // back on the page asked for (Spring Security marks the resumed request with "?continue")
        assertThat(java.net.URI.create(browser.getCurrentUrl()).getPath()).isEqualTo("/services");
        assertThat(browser.findElement(By.tagName("header")).getText()).contains("admin");
    }

    @AfterAll
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void createATeamAndAServiceThenOpenTheServicePage() {
        browser.get(url("/teams/new"));
        browser.findElement(By.id("name")).sendKeys("browser-team");
        browser.findElement(By.id("displayName")).sendKeys("Browser <b>team</b>");
        submit();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Browser <b>team</b>");
        assertThat(browser.getPageSource()).contains("Browser &lt;b&gt;team&lt;/b&gt;");

        browser.get(url("/services/new"));
        browser.findElement(By.id("name")).sendKeys("browser-service");
        browser.findElement(By.id("title")).sendKeys("Browser service");
        new Select(browser.findElement(By.id("owner"))).selectByValue("browser-team");
        browser.findElement(By.cssSelector("input[type=radio][value=A]")).click();
        browser.findElement(By.id("links")).sendKeys("Dashboard | https://grafana.example.com/d/browser | dashboard");
        submit();

        assertThat(browser.getCurrentUrl()).endsWith("/services/browser-service");
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("browser-service").contains("Browser service").contains("browser-team");
        WebElement dashboard = browser.findElement(By.cssSelector("a[href='https://grafana.example.com/d/browser']"));
        assertThat(dashboard.getAttribute("rel")).contains("noopener");
        assertThat(Api.at(port).admin().get("/api/v1/services/browser-service").json().get("readinessLevel").asString())
                .isEqualTo("A");
    }

    @Test
    void aBadServiceFormComesBackWithTheMessageNextToTheField() {
        browser.get(url("/services/new"));
        browser.findElement(By.id("name")).sendKeys("bad--name");
        submit();

        assertThat(browser.findElement(By.cssSelector(".error-summary")).isDisplayed()).isTrue();
        WebElement nameField = browser.findElement(By.id("name")).findElement(By.xpath("./ancestor::div[contains(@class,'field')]"));
        assertThat(nameField.getAttribute("class")).contains("has-error");
        assertThat(nameField.findElement(By.cssSelector(".field-error")).getText()).contains("letters and digits");
        assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo("bad--name");
        assertThat(Api.at(port).admin().get("/api/v1/services/bad--name").status()).isEqualTo(404);
    }

    @Test
    void importACatalogFileThenSeeItsServicesWithTheirDependencies() {
        String yaml = """
                apiVersion: backstage.io/v1alpha1
                kind: Group
                metadata:
                  name: imported-team
                spec:
                  type: team
                  children: []
                ---
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: imported-db-api
                spec:
                  type: service
                  lifecycle: production
                  owner: imported-team
                ---
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: imported-web
                  annotations:
                    tandem.dev/readiness-level: C
                spec:
                  type: website
                  lifecycle: experimental
                  owner: group:default/imported-team
                  dependsOn: [component:imported-db-api]
                """;
        browser.get(url("/catalog/import"));
        // sendKeys types into the textarea key by key; a script sets the value at once, like a paste.
        browser.executeScript("arguments[0].value = arguments[1];", browser.findElement(By.id("yaml")), yaml);
        WebElement dryRun = browser.findElement(By.id("dryRun"));
        assertThat(dryRun.isSelected()).as("a dry run is the safe default").isTrue();
        dryRun.click();
        submit();
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("3 created");

        browser.get(url("/services/imported-web"));
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("imported-team").contains("imported-db-api").contains("experimental");

        browser.get(url("/services/imported-db-api"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("imported-web");
    }

    @Test
    void aBrokenFileIsRefusedWithItsProblemAndNothingIsImported() {
        browser.get(url("/catalog/import"));
        browser.executeScript("arguments[0].value = arguments[1];", browser.findElement(By.id("yaml")), """
                apiVersion: backstage.io/v1alpha1
                kind: Group
                metadata:
                  name: never-imported-team
                spec:
                  type: team
                  children: []
                ---
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: never-imported
                spec:
                  type: service
                  lifecycle: production
                """);
        submit();
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("spec.owner").containsIgnoringCase("nothing");
        assertThat(Api.at(port).admin().get("/api/v1/teams/never-imported-team").status()).isEqualTo(404);
    }

    @Test
    void theServiceSearchUpdatesTheListAsYouType() {
        Api api = Api.at(port).admin();
        api.post("/api/v1/teams", "{\"name\":\"search-team\"}");
        for (String name : new String[] {"search-alpha", "search-beta"}) {
            api.post("/api/v1/services", "{\"name\":\"" + name + "\",\"owner\":\"search-team\",\"readinessLevel\":\"B\"}");
        }
        browser.get(url("/services"));
        browser.executeScript("window.tandemMarker = 'same page';");
        browser.findElement(By.id("q")).sendKeys("search-be");

        // htmx swaps the results in place (no page load) and records the search in the address bar
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().contains("q=search-be"));
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(d -> !d.findElement(By.id("results")).getText().contains("search-alpha"));
        assertThat(browser.findElement(By.id("results")).getText()).contains("search-beta");
        assertThat(browser.findElement(By.id("q")).getAttribute("value")).isEqualTo("search-be");
        assertThat(browser.executeScript("return window.tandemMarker;")).as("no full page load").isEqualTo("same page");
    }

    /** Submits the page's form and waits for the next page, so no assertion reads the old one. */
    private void submit() {
        submit("main form button[type=submit]");
    }

    private void submit(String button) {
        WebElement old = browser.findElement(By.tagName("html"));
        browser.findElement(By.cssSelector(button)).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(d -> gone(old));
    }

    /** True once the element belongs to a page that was left (chromedriver reports that in two ways). */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            return e.getMessage() != null && e.getMessage().contains("does not belong to the document");
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
