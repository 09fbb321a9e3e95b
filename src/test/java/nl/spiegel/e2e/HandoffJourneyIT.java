package nl.spiegel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The live handoff in two real browsers: a therapist on duty and a person in crisis. The request, the acceptance
 * and every message must arrive by push, without a reload. The person's side starts in the real chat: a crisis
 * message in "Kennismaking" brings up the safety panel, and its "talk to a person now" button starts the handoff.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // long enough to accept comfortably, short enough to see the timeout in the second test
        "spiegel.handoff.accept-timeout=PT20S",
        "spiegel.handoff.check-interval=PT1S"})
@ActiveProfiles("test")
class HandoffJourneyIT extends BrowserJourney {

    private static final Duration LIVE = Duration.ofSeconds(5);
    private static final By STATUS = By.id("handoff-status");
    private static final By ACCEPT = By.cssSelector("#handoff-queue .handoff-accept");
    private static final By ANSWER = By.cssSelector("#answer textarea");
    private static final String CRISIS_MESSAGE =
            "Ik wil niet meer leven. Ik heb de pillen al klaarliggen voor vanavond.";




    @Test
    void aTherapistOnDutyTakesOverLiveAndBothSeeEachOthersMessages() {
        Browser therapist = browser(1100, 1300);
        logInAsDemoTherapist(therapist);
        assertThat(therapist.visible(By.cssSelector("h1")).getText()).isEqualTo("Werkplek hulpverleners");
        assertThat(therapist.exists(By.cssSelector("nav.sp-nav"))).as("a staff layout, no client menus").isFalse();
        assertThat(therapist.exists(By.cssSelector("footer.sp-footer"))).isFalse();
        therapist.visible(By.cssSelector("#on-duty label")).click();
        therapist.waiting().until(ExpectedConditions.textToBe(By.cssSelector("#handoff-queue p"),
                "Er wacht nu niemand."));
        String therapistUrl = therapist.driver().getCurrentUrl();

        Browser person = browser(420, 900);
        askForAPersonFromTheChat(person);
        assertThat(person.visible(By.id("handoff-panel")).getText()).contains("Kun je niet wachten? Bel 113");
        assertThat(person.exists(By.cssSelector("#handoff-panel a[href='tel:113']"))).isTrue();

        // the request appears at the therapist by push: no reload, same page
        WebElement accept = new WebDriverWait(therapist.driver(), LIVE, Duration.ofMillis(50))
                .until(ExpectedConditions.elementToBeClickable(ACCEPT));
        assertThat(therapist.driver().getCurrentUrl()).isEqualTo(therapistUrl);
        String request = therapist.visible(By.cssSelector("#handoff-queue .sp-therapist-request")).getText();
        assertThat(request).contains("Crisis", "Waarom: gedachten aan zelfdoding of doodgaan", "Sinds")
                .as("the kind of risk in words, not rule ids").doesNotContain("nl.crisis.");
        assertThat(request).as("the therapist sees why, never the person's words").doesNotContain("pillen");
        assertThat(therapist.visible(By.id("handoff-queue")).getText()).doesNotContain("pillen");
        accept.click();
        therapist.visible(By.id("therapist-chat"));
        assertThat(therapist.visible(By.id("therapist-shared-message")).getText())
                .as("the person shares what raised the alert unless they untick it").isEqualTo(CRISIS_MESSAGE);

        new WebDriverWait(person.driver(), LIVE, Duration.ofMillis(50))
                .until(ExpectedConditions.textToBe(STATUS, "Demo Therapeut is er nu voor je"));

        String fromPerson = "Ik weet het even niet meer. Fijn dat er iemand is.";
        person.visible(By.cssSelector("#handoff-message input")).sendKeys(fromPerson);
        person.visible(By.id("handoff-send")).click();
        new WebDriverWait(therapist.driver(), LIVE, Duration.ofMillis(50))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("therapist-log"), fromPerson));

        String fromTherapist = "Ik ben er. Vertel maar, we nemen de tijd.";
        WebElement reply = therapist.visible(By.cssSelector("#therapist-message input"));
        reply.sendKeys(fromTherapist);
        reply.sendKeys(Keys.ENTER);
        new WebDriverWait(person.driver(), LIVE, Duration.ofMillis(50))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("handoff-log"), fromTherapist));
        assertThat(person.visible(By.id("handoff-log")).getText()).contains(fromPerson, "Jij", "Demo Therapeut");
        assertThat(therapist.visible(By.id("therapist-log")).getText()).contains(fromTherapist, "Persoon");

        assertThat(Axe.seriousViolations(therapist, "therapist workspace")).isEmpty();
        assertThat(Axe.seriousViolations(person, "live chat of the person")).isEmpty();

        therapist.waitForVaadin();
        therapist.js("window.scrollTo(0, 0)");
        therapist.screenshot(Path.of("docs", "images", "therapist.png"));

        therapist.visible(By.cssSelector("#handoff-outcome textarea"))
                .sendKeys("Samen een veiligheidsplan gemaakt; morgen belt de huisarts.");
        therapist.visible(By.id("handoff-close")).click();
        // closing asks first; nothing is closed before the confirmation
        therapist.visible(By.id("handoff-close-confirm"));
        assertThat(person.visible(STATUS).getText()).isEqualTo("Demo Therapeut is er nu voor je");
        therapist.visible(By.id("handoff-close-confirm")).click();
        therapist.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("therapist-no-chat")));
        new WebDriverWait(person.driver(), LIVE, Duration.ofMillis(50))
                .until(ExpectedConditions.textToBe(STATUS, "Het gesprek is afgesloten"));
        assertThat(person.visible(By.cssSelector("#handoff-panel a[href='tel:113']")).isDisplayed()).isTrue();
        assertThat(person.all(By.cssSelector("#handoff-message input")).stream().noneMatch(WebElement::isDisplayed))
                .as("no chat after closing").isTrue();
        assertThat(person.visible(By.id("handoff-explanation")).getText()).startsWith("Dank je dat je met ons");
        assertThat(person.visible(By.id("handoff-safety-plan")).isDisplayed()).isTrue();
        assertThat(person.all(By.id("screen-question")).stream().noneMatch(WebElement::isDisplayed))
                .as("the questions do not come back after the conversation").isTrue();
        new WebDriverWait(person.driver(), LIVE, Duration.ofMillis(50)).until(ExpectedConditions
                .textToBePresentInElementLocated(By.id("handoff-log"), "Ik sluit ons gesprek nu af."));
        assertThat(person.visible(By.id("handoff-log")).getText()).as("the closing words stay in the conversation")
                .contains("0800-0113");

        person.driver().navigate().refresh();
        person.waiting().until(ExpectedConditions.textToBe(STATUS, "Het gesprek is afgesloten"));
        assertThat(person.visible(By.id("handoff-safety-plan")).isDisplayed()).isTrue();
        assertThat(person.all(By.id("screen-question")).stream().noneMatch(WebElement::isDisplayed))
                .as("a reload shows the calm end, not new questions").isTrue();
        person.js("document.getElementById('handoff-panel').scrollIntoView()");
        person.screenshot(Path.of("docs", "images", "handoff-closed.png"));
    }

    @Test
    void whenNobodyAcceptsInTimeThePersonIsToldHonestlyAndCanLeaveAWayToBeContacted() {
        Browser person = browser(420, 900);
        askForAPersonFromTheChat(person);

        new WebDriverWait(person.driver(), Duration.ofSeconds(40), Duration.ofMillis(100))
                .until(ExpectedConditions.textToBe(STATUS, "Het is nu niet gelukt om iemand te vinden"));
        assertThat(person.visible(By.id("handoff-explanation")).getText()).contains("niemand", "beschikbaar");
        for (String number : List.of("tel:113", "tel:112", "tel:08000113")) {
            assertThat(person.visible(By.cssSelector("#handoff-panel a[href='" + number + "']")).isDisplayed())
                    .as(number).isTrue();
        }

        person.visible(By.cssSelector("#handoff-contact textarea")).sendKeys("06-12345678, na 18 uur");
        person.visible(By.id("handoff-contact-send")).click();
        person.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("handoff-contact-done")));
        assertThat(person.visible(By.id("handoff-contact-done")).getText()).startsWith("Dank je.");
        assertThat(person.visible(By.id("handoff-retry")).isDisplayed()).isTrue();
        assertThat(Axe.seriousViolations(person, "timed-out handoff")).isEmpty();
    }

    @Test
    void theWorkspaceIsOnlyForTherapistsWhoLoggedIn() {
        Browser visitor = browser(1100, 900);
        visitor.go("/therapist");
        visitor.waiting().until(ExpectedConditions.urlContains("/login"));
        visitor.waitForVaadin();
        assertThat(visitor.exists(By.id("on-duty"))).isFalse();
        assertThat(visitor.visible(By.id("help-button")).isDisplayed()).as("help stays visible").isTrue();

        visitor.visible(By.cssSelector("#vaadinLoginUsername input")).sendKeys("therapeut@spiegel.local");
        WebElement password = visitor.visible(By.cssSelector("#vaadinLoginPassword input"));
        password.sendKeys("niet-het-goede-wachtwoord");
        password.sendKeys(Keys.ENTER);
        // the login view answers in place (no form post): the error appears, the address stays /login
        visitor.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-form"),
                "Inloggen is niet gelukt"));
        visitor.waitForVaadin();
        assertThat(visitor.driver().getCurrentUrl()).endsWith("/login");
        assertThat(visitor.exists(By.id("on-duty"))).isFalse();
    }

    /**
     * The real way in: the person starts "Kennismaking", answers until the first open question, writes a crisis
     * message, gets the safety panel in the conversation and asks for a person there.
     */
    private static void askForAPersonFromTheChat(Browser person) {
        person.go("/");
        person.visible(By.cssSelector("li.sp-dialogue-card[data-dialogue='kennismaking'] .sp-card-action")).click();
        person.waiting().until(ExpectedConditions.urlContains("/dialogue/"));
        person.waiting().until(d -> !person.all(By.cssSelector("#chat-log .sp-bubble")).isEmpty());
        person.waitForVaadin();
        for (int choices = 0; !person.exists(ANSWER); choices++) {
            assertThat(choices).as("choices before the first open question").isLessThan(10);
            int before = person.all(By.cssSelector("#chat-log .sp-bubble")).size();
            person.visible(By.cssSelector("#composer vaadin-button.sp-option")).click();
            person.waiting().until(d -> person.all(By.cssSelector("#chat-log .sp-bubble")).size() > before);
            person.waitForVaadin();
        }
        person.visible(ANSWER).sendKeys(CRISIS_MESSAGE);
        person.visible(By.id("send")).click();

        WebElement safety = person.visible(By.id("safety-panel"));
        assertThat(safety.getText()).doesNotContain(CRISIS_MESSAGE);
        assertThat(person.visible(By.cssSelector("#safety-panel a[href='tel:113']")).isDisplayed()).isTrue();
        assertThat(person.visible(By.id("chat-log")).getText()).contains(CRISIS_MESSAGE);
        person.visible(By.id("talk-to-human")).click();
        // waiting when someone is on duty; told at once when nobody is
        person.waiting().until(ExpectedConditions.or(ExpectedConditions.textToBe(STATUS, "We zoeken iemand voor je"),
                ExpectedConditions.textToBe(STATUS, "Het is nu niet gelukt om iemand te vinden")));
    }
}
