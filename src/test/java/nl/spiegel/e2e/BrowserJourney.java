package nl.spiegel.e2e;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The running app on a random port and the headless browsers a journey opens; every browser is closed after a test. */
abstract class BrowserJourney {

    @LocalServerPort
    protected int port;

    private final List<Browser> browsers = new ArrayList<>();

    @AfterEach
    void quitBrowsers() {
        for (Browser browser : browsers) {
            try {
                browser.close();
            } catch (RuntimeException e) {
                // the next one still has to be closed
            }
        }
        browsers.clear();
    }

    /** A fresh browser: a new profile, so a new visitor unless a cookie is carried over. */
    protected Browser browser(int width, int height) {
        return browser(width, height, false);
    }

    /** A fresh browser that may refuse third-party cookies, as a privacy setting does. */
    protected Browser browser(int width, int height, boolean blockThirdPartyCookies) {
        Browser browser = Browser.open(baseUrl(), width, height, blockThirdPartyCookies);
        browsers.add(browser);
        return browser;
    }

    protected void close(Browser browser) {
        browsers.remove(browser);
        browser.close();
    }

    /** Logs the demo therapist in, with the second step an authenticator app would give; ends on their workspace. */
    protected static void logInAsDemoTherapist(Browser browser) {
        typeLogin(browser, "therapeut@spiegel.local", "spiegel-demo-therapeut");
        // staff log in with a second step: the code from an authenticator app with the demo secret
        browser.waiting().until(ExpectedConditions.urlContains("/two-factor"));
        browser.waitForVaadin();
        browser.visible(By.cssSelector("#totp-code input")).sendKeys(DemoTotp.nextCode());
        browser.visible(By.id("totp-submit")).click();
        browser.waiting().until(ExpectedConditions.urlContains("/therapist"));
        browser.waitForVaadin();
    }

    /** Fills in the login form and sends it. */
    protected static void typeLogin(Browser browser, String email, String password) {
        browser.go("/login");
        browser.visible(By.cssSelector("#vaadinLoginUsername input")).sendKeys(email);
        WebElement field = browser.visible(By.cssSelector("#vaadinLoginPassword input"));
        field.sendKeys(password);
        field.sendKeys(Keys.ENTER);
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }
}
