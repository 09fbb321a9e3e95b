package nl.spiegel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import nl.spiegel.identity.internal.VisitorCookieFilter;

/**
 * Real journeys in a real (headless) browser against the running application on a fresh embedded database, with
 * Dutch as the browser language. Each test starts its own browser, so each test is a new anonymous visitor.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DialogueJourneyIT extends BrowserJourney {

    private static final By CHAT_LOG = By.id("chat-log");
    private static final By BUBBLES = By.cssSelector("#chat-log .sp-bubble");
    private static final By ANSWER = By.cssSelector("#answer textarea");
    private static final By SEND = By.id("send");
    private static final By OPTIONS = By.cssSelector("#composer vaadin-button.sp-option");
    private static final By COMPOSER = By.id("composer");
    private static final By HELP = By.id("help-button");

    private static final String AANLEIDING = "Sinds mijn nieuwe baan slaap ik slecht en pieker ik veel.";
    private static final String VERANDERING = "Dat ik weer rustig slaap en zin heb om vrienden te zien.";
    private static final String HOOP = "Dat ik beter snap waarom ik zo streng ben voor mezelf.";




    @Test
    void dialogueIsResumedInANewBrowserWithTheSameCookie() {
        Browser first = browser(1100, 1400);
        first.go("/");
        openDialogue(first, "kennismaking");
        answerChoice(first);                 // Hoe gaat het op dit moment met je? -> Best goed
        answerText(first, AANLEIDING);       // Wat brengt je hier?
        answerChoice(first);                 // Waar gaat het vooral over? -> Werk of studie
        answerChoice(first);                 // Klopt het als ik het zo samenvat? -> Ja, dat klopt
        answerText(first, VERANDERING);      // Wat is er over een paar maanden anders?
        String logBefore = first.visible(CHAT_LOG).getText();
        String lastBubbleBefore = lastBubble(first);
        String composerBefore = first.visible(COMPOSER).getText();
        assertThat(logBefore).contains(AANLEIDING, VERANDERING, "Best goed", "Ja, dat klopt");
        assertThat(lastBubbleBefore).contains("Wat zoek je vooral bij Spiegel?");
        Cookie visitorCookie = first.driver().manage().getCookieNamed(VisitorCookieFilter.COOKIE);
        assertThat(visitorCookie).as("visitor cookie").isNotNull();
        close(first);

        Browser second = browser(1100, 1400);
        second.go("/");
        assertThat(cardText(second, "kennismaking")).as("a new visitor").contains("Nieuw", "Beginnen");
        second.driver().manage().addCookie(new Cookie.Builder(visitorCookie.getName(), visitorCookie.getValue())
                .path("/").isHttpOnly(true).build());
        second.reload();
        assertThat(cardText(second, "kennismaking")).contains("Bezig", "Verder gaan");

        openDialogue(second, "kennismaking");
        assertThat(second.visible(CHAT_LOG).getText()).isEqualTo(logBefore);
        assertThat(lastBubble(second)).isEqualTo(lastBubbleBefore);
        assertThat(second.visible(COMPOSER).getText()).isEqualTo(composerBefore);

        answerChoice(second);                // Wat zoek je vooral? -> Meer inzicht in mezelf
        answerText(second, HOOP);            // Wat hoop je er uiteindelijk uit te halen?
        answerChoice(second);                // Hoe is het nu met je? -> Iets rustiger
        WebElement toExercises = second.visible(By.id("to-exercises"));
        assertThat(toExercises.getText()).isEqualTo("Naar mijn oefeningen");
        WebElement summary = second.visible(By.cssSelector("#chat-log .sp-summary-card"));
        assertThat(summary.getText()).contains("Jouw samenvatting", "Best goed", AANLEIDING, VERANDERING,
                "Meer inzicht in mezelf", HOOP);
        WebElement exercise = second.visible(By.cssSelector("#chat-log .sp-exercise-card"));
        assertThat(exercise.getText()).contains("Eén moment per dag");
        assertThat(second.visible(By.id("progress-label")).getText()).isEqualTo("Klaar");
        assertThat(second.all(COMPOSER).stream().noneMatch(WebElement::isDisplayed))
                .as("no input once the dialogue is finished").isTrue();

        // the picture in the README: a question, the person's own words, Spiegel mirroring them, the exercise
        second.js("""
                const question = document.querySelectorAll('#chat-log .sp-bubble-user')[1].previousElementSibling;
                const header = document.querySelector('.sp-header').getBoundingClientRect().height;
                window.scrollTo(0, question.getBoundingClientRect().top + window.scrollY - header - 5);
                """);
        second.screenshot(Path.of("docs", "images", "chat.png"));

        second.visible(By.id("to-exercises")).click();
        second.waiting().until(ExpectedConditions.urlContains("/my-exercises"));
        WebElement exercises = second.visible(By.id("exercise-list"));
        assertThat(exercises.getText()).contains("Eén moment per dag", "Uit “Kennismaking”");

        second.go("/my-dialogues");
        WebElement history = second.visible(By.id("history-list"));
        assertThat(history.getText()).contains("Kennismaking", "Klaar");
    }

    @Test
    void helpButtonOpensCrisisContactsOnEveryPage() {
        Browser browser = browser(1100, 900);
        browser.go("/");
        openDialogue(browser, "emoties");
        // the mood faces are buttons for the keyboard and screen readers too: focusable, named, Enter chooses
        WebElement face = browser.visible(By.id("mood-start-4"));
        assertThat(face.getAttribute("role")).isEqualTo("button");
        assertThat(face.getText()).isEqualTo("Goed");
        assertThat(browser.js("""
                return getComputedStyle(document.querySelector('#mood-start-4 .sp-mood-face'), '::before').content;
                """)).as("the face itself, from the style sheet").isNotEqualTo("none");
        assertThat(browser.js("""
                document.getElementById('mood-start-4').focus();
                return document.activeElement.id;
                """)).isEqualTo("mood-start-4");
        browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        assertThat(browser.visible(By.id("mood-thanks")).getText()).isEqualTo("Dank je.");
        String chatPath = browser.driver().getCurrentUrl().substring(baseUrl().length());

        for (String path : List.of("/", "/my-exercises", "/learn", chatPath)) {
            browser.go(path);
            WebElement help = browser.visible(HELP);
            assertThat(help.getText()).as("help button on %s", path).isEqualTo("Hulp nodig?");
            help.click();
            browser.visible(By.cssSelector("a[href='tel:113']"));
            for (String number : List.of("tel:113", "tel:112", "tel:08000113", "tel:08002000")) {
                assertThat(browser.visible(By.cssSelector("a[href='" + number + "']")).isDisplayed())
                        .as("%s on %s", number, path).isTrue();
            }
            assertThat(browser.visible(By.id("crisis-dialog")).getText()).contains("113 Zelfmoordpreventie");
            browser.visible(By.id("crisis-close")).click();
            browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("a[href='tel:113']")));
        }
    }

    @Test
    void chatIsUsableAt360PixelsWide() {
        Browser browser = browser(360, 740);
        browser.go("/");
        assertNoHorizontalScrolling(browser, "start page");
        assertThat(browser.visible(HELP).isDisplayed()).isTrue();
        browser.visible(By.id("menu-toggle")).click();
        assertThat(browser.js("""
                const value = document.querySelector('#language-select [slot="value"]');
                const text = document.createRange();
                text.selectNodeContents(value);
                return text.getBoundingClientRect().right <= value.getBoundingClientRect().right + 0.5;
                """)).as("the chosen language is shown in full, not cut off").isEqualTo(true);
        browser.visible(By.id("menu-toggle")).click();

        openDialogue(browser, "kennismaking");
        assertNoHorizontalScrolling(browser, "chat page with options");

        // keyboard only: the first option has the focus, Enter chooses it, then the text field has the focus
        browser.waiting().until(d -> Boolean.TRUE.equals(browser.js(
                "return document.activeElement && document.activeElement.matches('vaadin-button.sp-option')")));
        int before = browser.all(BUBBLES).size();
        browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        waitForNewBubbles(browser, before);
        browser.waiting().until(d -> Boolean.TRUE.equals(browser.js(
                "return !!document.activeElement && !!document.activeElement.closest('#answer')")));
        assertThat(browser.visible(ANSWER).isDisplayed()).isTrue();
        assertThat(browser.visible(SEND).isDisplayed()).isTrue();
        assertNoHorizontalScrolling(browser, "chat page with text field");

        String words = "Ik wil leren om vaker nee te zeggen.";
        before = browser.all(BUBBLES).size();
        WebElement focused = browser.driver().switchTo().activeElement();
        focused.sendKeys(words);
        focused.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        waitForNewBubbles(browser, before);
        assertThat(browser.visible(CHAT_LOG).getText()).contains(words);
        assertNoHorizontalScrolling(browser, "chat page after an answer");
    }

    @Test
    void startAndChatPagesHaveNoSeriousAccessibilityViolations() {
        Browser browser = browser(1100, 900);
        browser.go("/");
        browser.visible(By.cssSelector("li.sp-dialogue-card"));
        List<String> problems = new ArrayList<>(Axe.seriousViolations(browser, "start page"));

        openDialogue(browser, "kennismaking");
        answerChoice(browser);
        answerText(browser, AANLEIDING);
        problems.addAll(Axe.seriousViolations(browser, "chat page with options"));
        answerChoice(browser);
        answerChoice(browser);
        problems.addAll(Axe.seriousViolations(browser, "chat page with text field"));

        assertThat(problems).as("critical or serious axe-core violations").isEmpty();
    }

    /**
     * Someone at home may be watching: the abuse flow asks "Ben je nu veilig?" and its quick exit takes the
     * conversation out of the page before it replaces the page with a neutral site (here the privacy page, set in
     * the test profile), so Back does not bring the conversation back into view.
     */
    @Test
    void abuseJourneyAsksForSafetyFirstAndTheQuickExitLeavesNothingVisibleOnBack() {
        String words = "Mijn vriend slaat me.";
        Browser browser = browser(420, 900);
        browser.go("/");
        openDialogue(browser, "kennismaking");
        while (!browser.exists(ANSWER)) {
            answerChoice(browser);
        }
        browser.visible(ANSWER).sendKeys(words);
        browser.visible(SEND).click();

        WebElement panel = browser.visible(By.id("safety-panel"));
        assertThat(panel.getAttribute("data-flow")).isEqualTo("abuse");
        assertThat(browser.visible(By.id("flow-question")).getText()).contains("Ben je nu veilig?");
        assertThat(panel.getText()).doesNotContain(words, "Zelfmoordpreventie");
        browser.waitForVaadin();
        panel.getLocation();
        browser.js("arguments[0].scrollIntoView()", panel);
        browser.screenshot(Path.of("docs", "images", "safety-abuse.png"));

        browser.visible(By.id("quick-exit")).click();
        browser.waiting().until(ExpectedConditions.urlContains("/privacy"));
        browser.waitForVaadin();
        assertThat(browser.driver().getPageSource()).doesNotContain(words);

        browser.driver().navigate().back();
        browser.waiting().until(d -> !d.getCurrentUrl().contains("/privacy"));
        browser.waitForVaadin();
        assertThat(browser.driver().getCurrentUrl()).as("Back skips the conversation").doesNotContain("/dialogue/");
        assertThat(browser.driver().getPageSource()).doesNotContain(words);
        assertThat(browser.exists(CHAT_LOG)).isFalse();
    }

    private void assertNoHorizontalScrolling(Browser browser, String page) {
        browser.waitForVaadin();
        long scrollWidth = ((Number) browser.js("return document.documentElement.scrollWidth")).longValue();
        long innerWidth = ((Number) browser.js("return window.innerWidth")).longValue();
        assertThat(innerWidth).as("viewport width").isEqualTo(360);
        assertThat(scrollWidth).as("page width of the %s", page).isLessThanOrEqualTo(innerWidth);
    }




    private static String cardText(Browser browser, String scriptId) {
        return browser.visible(By.cssSelector("li.sp-dialogue-card[data-dialogue='" + scriptId + "']")).getText();
    }

    private static void openDialogue(Browser browser, String scriptId) {
        browser.visible(By.cssSelector("li.sp-dialogue-card[data-dialogue='" + scriptId + "'] .sp-card-action"))
                .click();
        browser.waiting().until(ExpectedConditions.urlContains("/dialogue/"));
        browser.visible(CHAT_LOG);
        browser.waiting().until(d -> !browser.all(BUBBLES).isEmpty());
        browser.waitForVaadin();
    }

    private static void answerChoice(Browser browser) {
        int before = browser.all(BUBBLES).size();
        browser.visible(OPTIONS).click();
        waitForNewBubbles(browser, before);
    }

    private static void answerText(Browser browser, String text) {
        int before = browser.all(BUBBLES).size();
        WebElement answer = browser.visible(ANSWER);
        answer.sendKeys(text);
        browser.visible(SEND).click();
        waitForNewBubbles(browser, before);
        assertThat(browser.visible(CHAT_LOG).getText()).contains(text);
    }

    private static void waitForNewBubbles(Browser browser, int before) {
        browser.waiting().until(d -> browser.all(BUBBLES).size() > before);
        browser.waitForVaadin();
    }

    private static String lastBubble(Browser browser) {
        List<WebElement> bubbles = browser.all(BUBBLES);
        return bubbles.getLast().getText();
    }
}
