package nl.spiegel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import nl.spiegel.identity.DemoAccountProperties;

/**
 * A therapist logs in the way a real one would: password, then the code from an authenticator app holding the
 * published demo secret, in headless Chromium. The session id changes at the login and the logout ends the session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TotpLoginJourneyIT extends BrowserJourney {




    @Test
    void aTherapistLogsInWithPasswordAndAuthenticatorCodeAndLandsOnTheWorkspace() {
        Browser browser = browser();
        browser.go("/login");
        String sessionBefore = sessionId(browser);

        typePassword(browser, DemoAccountProperties.THERAPIST_EMAIL, "spiegel-demo-therapeut");
        browser.waiting().until(ExpectedConditions.urlContains("/two-factor"));
        browser.waitForVaadin();
        assertThat(browser.visible(By.cssSelector("h1")).getText()).isEqualTo("Code invullen");
        assertThat(browser.exists(By.id("totp-setup"))).as("the demo account has its app set up already").isFalse();
        assertThat(cspViolations(browser)).as("the Content-Security-Policy lets Vaadin work").isEmpty();
        browser.visible(By.cssSelector("#totp-code input")).sendKeys(DemoTotp.nextCode());
        browser.visible(By.id("totp-submit")).click();

        browser.waiting().until(ExpectedConditions.urlMatches(".*/therapist$"));
        browser.waitForVaadin();
        assertThat(browser.visible(By.cssSelector("h1")).getText()).isEqualTo("Werkplek hulpverleners");
        assertThat(browser.visible(By.cssSelector(".sp-therapist .sp-note")).getText()).contains("Demo Therapeut");
        assertThat(sessionId(browser)).as("a new session id after logging in").isNotEqualTo(sessionBefore);
        browser.visible(By.cssSelector("#on-duty label")).click();
        browser.waitForVaadin();
        assertThat(cspViolations(browser)).as("also for the live workspace with push").isEmpty();

        String loggedInSession = sessionId(browser);
        browser.visible(By.id("logout")).click();
        browser.waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/therapist")));
        browser.waitForVaadin();
        assertThat(sessionId(browser)).as("the old session is gone").isNotEqualTo(loggedInSession);
        browser.go("/therapist");
        browser.waiting().until(ExpectedConditions.urlContains("/login"));
        browser.waitForVaadin();
        assertThat(browser.exists(By.id("on-duty"))).isFalse();
    }

    @Test
    void aWrongCodeIsRefusedAndTheWorkspaceStaysClosed() {
        Browser browser = browser();
        browser.go("/login");
        typePassword(browser, DemoAccountProperties.THERAPIST_EMAIL, "spiegel-demo-therapeut");
        browser.waiting().until(ExpectedConditions.urlContains("/two-factor"));
        browser.waitForVaadin();

        WebElement code = browser.visible(By.cssSelector("#totp-code input"));
        code.sendKeys(DemoTotp.wrongCode());
        browser.visible(By.id("totp-submit")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("totp-code"),
                "Deze code klopt niet"));

        assertThat(browser.driver().getCurrentUrl()).endsWith("/two-factor");
        browser.go("/therapist");
        browser.waiting().until(ExpectedConditions.urlContains("/login"));
        assertThat(browser.exists(By.id("on-duty"))).isFalse();
    }

    @Test
    void theLoginPageLeadsToRegistrationAndToAResetLink() {
        Browser browser = browser();
        browser.go("/login");

        browser.visible(By.id("login-register")).click();
        browser.waiting().until(ExpectedConditions.urlContains("/register"));
        browser.waitForVaadin();
        assertThat(browser.visible(By.cssSelector("h1")).getText()).isEqualTo("Account maken");
        assertThat(cspViolations(browser)).isEmpty();
        assertThat(browser.visible(By.id("help-button")).isDisplayed()).as("help stays visible").isTrue();

        browser.go("/login");
        browser.visible(By.cssSelector("vaadin-login-form [slot='forgot-password'], #login-form"));
        browser.js("document.querySelector('#login-form').dispatchEvent(new CustomEvent('forgot-password'))");
        browser.waiting().until(ExpectedConditions.urlContains("/forgot-password"));
        browser.waitForVaadin();
        assertThat(browser.visible(By.cssSelector("h1")).getText()).isEqualTo("Wachtwoord vergeten");
    }

    /**
     * What the browser blocked because of the Content-Security-Policy on this page, also before the check ran
     * (buffered reports).
     */
    @SuppressWarnings("unchecked")
    private static List<String> cspViolations(Browser browser) {
        return (List<String>) browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const found = [];
                const collect = reports => reports.forEach(report =>
                        found.push(report.body.effectiveDirective + ' ' + report.body.blockedURL));
                const observer = new ReportingObserver(collect, {types: ['csp-violation'], buffered: true});
                observer.observe();
                setTimeout(() => { collect(observer.takeRecords()); observer.disconnect(); done(found); }, 500);
                """);
    }

    private static void typePassword(Browser browser, String email, String password) {
        browser.visible(By.cssSelector("#vaadinLoginUsername input")).sendKeys(email);
        WebElement field = browser.visible(By.cssSelector("#vaadinLoginPassword input"));
        field.sendKeys(password);
        field.sendKeys(Keys.ENTER);
    }

    private static String sessionId(Browser browser) {
        Cookie cookie = browser.driver().manage().getCookieNamed("JSESSIONID");
        return cookie == null ? null : cookie.getValue();
    }

    private Browser browser() {
        return browser(1100, 1000);
    }
}
