package nl.spiegel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import nl.spiegel.authoring.AuthoringFixtures;

/**
 * The demo organisation admin checks a draft with a mistake in a real browser: the problem names its line, the line
 * numbers stand beside the text, and after the fix the preview walks the draft in the chat's own bubbles.
 * (Publishing and a person completing it are covered without a browser by {@code AuthoringJourneyIT}.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AuthoringBrowserJourneyIT extends BrowserJourney {

    @Test
    void aMistakeIsShownWithItsLineAndTheFixedDraftCanBePreviewed() {
        Browser browser = browser(1200, 1500);
        logInAsDemoOrgAdmin(browser);
        browser.go("/admin/dialogues");
        browser.visible(By.id("authoring-new")).click();
        browser.waitForVaadin();
        String template = (String) browser.js("return document.querySelector('#authoring-source').value");
        assertThat(template).contains("id: mijn-dialoog");

        setSource(browser, template.replace("    type: reflection\n", "    type: reflectie\n"));
        browser.visible(By.id("authoring-check")).click();
        WebElement problem = browser.visible(By.id("problem-1"));
        int line = AuthoringFixtures.lineOf(template, "type: reflection");
        assertThat(problem.getText()).startsWith("Regel " + line + ", kolom 5:").contains("reflectie");
        assertThat(browser.visible(By.id("authoring-gutter")).getText()).contains(String.valueOf(line));

        // the picture in the README
        browser.js("window.scrollTo(0, 0)");
        browser.screenshot(Path.of("docs", "images", "authoring.png"));

        setSource(browser, template);
        browser.visible(By.id("authoring-preview")).click();
        browser.waiting().until(ExpectedConditions.urlContains("/admin/dialogues/preview"));
        browser.waitForVaadin();
        assertThat(browser.visible(By.id("preview-badge")).getText()).isEqualToIgnoringCase("Voorbeeld");
        assertThat(browser.visible(By.id("chat-log")).getText()).contains("Fijn dat je er bent.");
        assertThat(browser.exists(By.id("help-button"))).as("the help button is there in the preview too").isTrue();
    }

    private static void setSource(Browser browser, String text) {
        browser.js("""
                const area = document.querySelector('#authoring-source');
                area.value = arguments[0];
                area.dispatchEvent(new Event('change', {bubbles: true}));
                """, text);
        browser.waitForVaadin();
    }

    private static void logInAsDemoOrgAdmin(Browser browser) {
        browser.go("/login");
        browser.visible(By.cssSelector("#vaadinLoginUsername input")).sendKeys("beheerder@spiegel.local");
        WebElement password = browser.visible(By.cssSelector("#vaadinLoginPassword input"));
        password.sendKeys("spiegel-demo-beheerder");
        password.sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.urlContains("/two-factor"));
        browser.waitForVaadin();
        browser.visible(By.cssSelector("#totp-code input")).sendKeys(DemoTotp.nextCode());
        browser.visible(By.id("totp-submit")).click();
        browser.waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/two-factor")));
        browser.waitForVaadin();
    }
}
