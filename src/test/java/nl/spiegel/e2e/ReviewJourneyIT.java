package nl.spiegel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Sharing with a therapist in two real browsers: the person finishes a dialogue and shares it with the code their
 * therapist gave them; the therapist sees it arrive in the inbox without a reload, reads it and responds; the person
 * sees the response below their dialogue; when the person stops sharing, the therapist's open transcript closes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReviewJourneyIT extends BrowserJourney {

    private static final Duration LIVE = Duration.ofSeconds(10);
    private static final By BUBBLES = By.cssSelector("#chat-log .sp-bubble");
    private static final By ANSWER = By.cssSelector("#answer textarea");
    private static final By OPTIONS = By.cssSelector("#composer vaadin-button.sp-option");
    private static final String OWN_WORDS = "Ik wil beter leren omgaan met drukte op mijn werk.";

    @Test
    void aSharedDialogueReachesTheTherapistLiveTheFeedbackReachesThePersonAndRevokingClosesIt() {
        Browser therapist = browser(1100, 1300);
        logInAsDemoTherapist(therapist);
        therapist.go("/therapist/reviews");
        therapist.visible(By.id("new-invite")).click();
        String code = therapist.visible(By.id("invite-code-shown")).getText();
        assertThat(code).matches("[A-Z2-9]{5}-[A-Z2-9]{5}");
        String inboxUrl = therapist.driver().getCurrentUrl();
        int sharedBefore = therapist.all(By.cssSelector("li.sp-inbox-item")).size();

        Browser person = browser(1100, 1300);
        logInAsDemoClient(person);
        String dialogueUrl = finishKennismaking(person);
        person.visible(By.id("share-dialogue")).click();
        person.waiting().until(ExpectedConditions.urlContains("/share/"));
        person.visible(By.cssSelector("#invite-code input")).sendKeys(code);
        person.visible(By.id("check-code")).click();
        assertThat(person.visible(By.id("share-with")).getText()).contains("Demo Therapeut");
        assertThat(person.visible(By.id("share-preview-transcript")).getText()).contains(OWN_WORDS);
        person.visible(By.id("confirm-share")).click();
        person.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".sp-revoke")));

        // the share arrives by push on the open inbox: same page, no reload
        new WebDriverWait(therapist.driver(), LIVE, Duration.ofMillis(100)).until(driver ->
                therapist.all(By.cssSelector("li.sp-inbox-item")).size() > sharedBefore);
        assertThat(therapist.driver().getCurrentUrl()).isEqualTo(inboxUrl);
        WebElement newest = therapist.all(By.cssSelector("li.sp-inbox-item")).getFirst();
        assertThat(newest.getText()).contains("Nieuw", "Kennismaking", "client@spiegel.local");
        therapist.waitForVaadin();
        therapist.js("window.scrollTo(0, 0)");
        therapist.screenshot(Path.of("docs", "images", "review-inbox.png"));

        newest.findElement(By.cssSelector(".sp-open-share")).click();
        therapist.waiting().until(ExpectedConditions.urlContains("/therapist/review/"));
        assertThat(therapist.visible(By.id("transcript")).getText()).contains(OWN_WORDS);
        assertThat(therapist.exists(By.cssSelector("nav.sp-nav"))).as("a staff layout, no client menus").isFalse();
        String feedback = "Mooi dat je dit opschrijft. Bespreken we het donderdag? " + UUID.randomUUID();
        therapist.visible(By.cssSelector("#feedback-text textarea")).sendKeys(feedback);
        therapist.visible(By.id("feedback-send")).click();
        therapist.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("feedback-list"),
                feedback));
        therapist.waitForVaadin();
        therapist.js("window.scrollTo(0, 0)");
        therapist.screenshot(Path.of("docs", "images", "review-transcript.png"));
        assertThat(Axe.seriousViolations(therapist, "shared transcript")).isEmpty();

        person.driver().navigate().to(dialogueUrl);
        person.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat-feedback"),
                feedback));
        assertThat(person.visible(By.id("chat-feedback")).getText()).contains("Demo Therapeut");

        person.driver().navigate().back();
        person.waiting().until(ExpectedConditions.urlContains("/share/"));
        person.visible(By.cssSelector(".sp-revoke")).click();
        person.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("share-list"),
                "Je stopte met delen"));

        // the open transcript closes by push, before the therapist does anything
        new WebDriverWait(therapist.driver(), LIVE, Duration.ofMillis(100))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("share-gone")));
        assertThat(therapist.exists(By.id("transcript"))).as("nothing of the dialogue stays").isFalse();

        // the directory of connected experts, with the fictional demo experts
        person.go("/experts");
        assertThat(person.visible(By.id("expert-list")).getText()).contains("Anouk Verbeek", "Demo Therapeut");
        assertThat(Axe.seriousViolations(person, "expert directory")).isEmpty();
        person.waitForVaadin();
        person.js("window.scrollTo(0, 0)");
        person.screenshot(Path.of("docs", "images", "directory.png"));
    }

    private static void logInAsDemoClient(Browser browser) {
        typeLogin(browser, "client@spiegel.local", "spiegel-demo-client");
        browser.waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        browser.waitForVaadin();
    }

    /** Starts "Kennismaking" anew and answers until it is finished; returns the address of the dialogue. */
    private static String finishKennismaking(Browser person) {
        person.go("/");
        person.visible(By.cssSelector("li.sp-dialogue-card[data-dialogue='kennismaking'] .sp-card-action")).click();
        person.waiting().until(ExpectedConditions.urlContains("/dialogue/"));
        person.waiting().until(driver -> !person.all(BUBBLES).isEmpty());
        person.waitForVaadin();
        for (int step = 0; !person.exists(By.id("share-dialogue")); step++) {
            assertThat(step).as("steps to the end of Kennismaking").isLessThan(20);
            int before = person.all(BUBBLES).size();
            if (person.exists(ANSWER)) {
                person.visible(ANSWER).sendKeys(OWN_WORDS);
                person.visible(By.id("send")).click();
            } else {
                person.visible(OPTIONS).click();
            }
            person.waiting().until(driver -> person.all(BUBBLES).size() > before
                    || person.exists(By.id("share-dialogue")));
            person.waitForVaadin();
        }
        return person.driver().getCurrentUrl();
    }
}
