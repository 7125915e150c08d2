package dev.tandem.browser;

import dev.tandem.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.util.UUID;

/**
 * What every browser test needs: a fresh headless Chromium per test, the server's address, a run id for
 * names, and the few gestures the tests repeat (click and wait for the next page, type into a field, read
 * the main content, sign in).
 */
abstract class BrowserTest {

    @LocalServerPort
    int port;

    ChromeDriver browser;
    final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);

    @BeforeEach
    void startBrowser() throws IOException {
        browser = Browser.start();
    }

    @AfterEach
    void quitBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void click(By by) {
        Browser.clickAndWait(browser, by);
    }

    /** Clicks the button with exactly this text and waits for the next page. */
    void button(String text) {
        click(By.xpath("//button[normalize-space()=\"" + text + "\"]"));
    }

    void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    String main() {
        return browser.findElement(By.tagName("main")).getText();
    }

    /** Signs in through the form, after dropping any earlier session. */
    void signIn(String username, String password) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        click(By.cssSelector("form button[type=submit]"));
    }

    void signInAsAdmin() {
        signIn("admin", TestDatabase.ADMIN_PASSWORD);
    }
}
