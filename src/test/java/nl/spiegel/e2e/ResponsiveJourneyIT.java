package nl.spiegel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Spiegel on a small phone (320 px), a common phone (360 px) and a desktop (1280 px): no page is wider than the screen,
 * the menu folds away on a phone, the help button stays in sight while reading a long conversation, and stopping is
 * offered below the composer until the dialogue is finished.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ResponsiveJourneyIT extends BrowserJourney {

    private static final By HELP = By.id("help-button");
    private static final By MENU = By.id("menu-toggle");
    private static final By NAV = By.id("main-nav");
    private static final By OPTIONS = By.cssSelector("#composer vaadin-button.sp-option");
    private static final By ANSWER = By.cssSelector("#answer textarea");
    private static final By BUBBLES = By.cssSelector("#chat-log .sp-bubble");

    private static final List<String> PAGES = List.of("/", "/my-dialogues", "/my-exercises", "/progress",
            "/safety-plan", "/learn", "/learn/psychodynamische-ideeen", "/privacy", "/my-data", "/login", "/register",
            "/forgot-password");

    @Test
    void noPageIsWiderThanTheScreenAtThreeWidthsAndTheMenuFoldsAwayOnAPhone() {
        Browser browser = browser(1280, 800);
        browser.go("/");
        openDialogue(browser, "anderen");
        browser.visible(OPTIONS);
        String chat = browser.driver().getCurrentUrl().substring(baseUrl().length());
        List<String> pages = new ArrayList<>(PAGES);
        pages.add(chat);

        List<String> tooWide = new ArrayList<>();
        for (int width : List.of(320, 360, 1280)) {
            browser.resize(width, 700);
            for (String page : pages) {
                browser.go(page);
                browser.visible(HELP);
                tooWide.addAll(overflow(browser, page + " at " + width + " px"));
                boolean phone = width < 640;
                assertThat(browser.driver().findElement(MENU).isDisplayed()).as("menu button on %s at %d", page, width)
                        .isEqualTo(phone);
                assertThat(browser.driver().findElement(NAV).isDisplayed()).as("menu on %s at %d", page, width)
                        .isEqualTo(!phone);
                if (phone) {
                    browser.visible(MENU).click();
                    browser.visible(NAV);
                    assertThat(browser.visible(MENU).getAttribute("aria-expanded")).isEqualTo("true");
                    assertThat(browser.visible(By.id("language-select")).isDisplayed()).isTrue();
                    tooWide.addAll(overflow(browser, page + " with the menu open at " + width + " px"));
                }
            }
        }
        assertThat(tooWide).as("pages wider than the screen").isEmpty();

        // a menu link closes the menu again and shows the page
        browser.resize(360, 700);
        browser.go("/");
        browser.visible(MENU).click();
        browser.visible(By.cssSelector("#main-nav a[data-path='learn']")).click();
        browser.waiting().until(ExpectedConditions.urlContains("/learn"));
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(NAV));
        assertThat(browser.visible(MENU).getAttribute("aria-expanded")).isEqualTo("false");
    }

    @Test
    void helpStaysInSightInALongChatAndStopSitsBelowTheComposerUntilTheEnd() {
        Browser browser = browser(360, 640);
        browser.go("/");
        openDialogue(browser, "kennismaking");
        String longAnswer = "Ik schrijf hier een lang antwoord over wat er speelt, met veel woorden achter elkaar. "
                .repeat(6).strip();
        while (!browser.exists(By.id("to-exercises"))) {
            WebElement stop = browser.visible(By.id("stop"));
            WebElement composer = browser.visible(By.id("composer"));
            assertThat(stop.getRect().getY()).as("stop below the composer")
                    .isGreaterThanOrEqualTo(composer.getRect().getY() + composer.getRect().getHeight());
            int before = browser.all(BUBBLES).size();
            if (browser.exists(ANSWER)) {
                browser.visible(ANSWER).sendKeys(longAnswer);
                browser.visible(By.id("send")).click();
            } else {
                browser.visible(OPTIONS).click();
            }
            browser.waiting().until(d -> browser.all(BUBBLES).size() > before);
            browser.waitForVaadin();
        }
        assertThat(browser.all(By.id("stop")).stream().noneMatch(WebElement::isDisplayed))
                .as("no stop button once the dialogue is finished").isTrue();
        assertThat(overflow(browser, "finished chat at 360 px")).isEmpty();

        for (String where : List.of("document.documentElement.scrollHeight / 2", "document.documentElement.scrollHeight")) {
            browser.js("window.scrollTo(0, " + where + ")");
            browser.waiting().until(d -> Boolean.TRUE.equals(browser.js("""
                    const r = document.getElementById('help-button').getBoundingClientRect();
                    return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
                    """)));
            assertThat(((Number) browser.js("return window.scrollY")).longValue()).as("scrolled").isPositive();
            assertThat(browser.visible(HELP).getText()).isEqualTo("Hulp nodig?");
        }
        browser.visible(HELP).click();
        browser.visible(By.cssSelector("a[href='tel:113']"));
        browser.visible(By.id("crisis-close")).click();
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("a[href='tel:113']")));

        // the suggestion of what might fit next links to the topic it names
        WebElement topic = browser.present(By.cssSelector("#chat-log a.sp-topic-link[href='learn/hoe-werkt-therapie']"));
        assertThat(topic.getText()).isEqualTo("Lees: Hoe werkt therapie?");
        browser.js("arguments[0].scrollIntoView({block: 'center'})", topic);
        topic.click();
        browser.waiting().until(ExpectedConditions.urlContains("/learn/hoe-werkt-therapie"));
        assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Hoe werkt therapie?");

        // the exercise just given, with its journal opened: nothing sticks out on a small phone, no serious axe finding
        browser.go("/my-exercises");
        browser.visible(By.cssSelector("li.sp-exercise-card vaadin-details"));
        browser.js("document.querySelectorAll('li.sp-exercise-card vaadin-details').forEach(d => d.opened = true)");
        List<String> journal = new ArrayList<>();
        for (int width : List.of(360, 320)) {
            browser.resize(width, 640);
            journal.addAll(overflow(browser, "my exercises with the journal open at " + width + " px"));
        }
        journal.addAll(Axe.seriousViolations(browser, "my exercises with the journal open, 320 px"));
        assertThat(journal).isEmpty();
    }

    @Test
    void phoneLayoutWithTheMenuOpenHasNoSeriousAccessibilityViolations() {
        Browser browser = browser(360, 700);
        browser.go("/");
        browser.visible(MENU).click();
        browser.visible(NAV);
        List<String> problems = new ArrayList<>(Axe.seriousViolations(browser, "start page, menu open, 360 px"));
        browser.visible(MENU).click();
        openDialogue(browser, "anderen");
        browser.visible(OPTIONS);
        problems.addAll(Axe.seriousViolations(browser, "chat with long options, 360 px"));
        assertThat(problems).as("critical or serious axe-core violations").isEmpty();
    }

    /** Elements that stick out to the right of the screen, and whether the page as a whole is wider than it. */
    @SuppressWarnings("unchecked")
    private static List<String> overflow(Browser browser, String page) {
        browser.waitForVaadin();
        List<String> problems = new ArrayList<>();
        long scrollWidth = ((Number) browser.js("return document.documentElement.scrollWidth")).longValue();
        long innerWidth = ((Number) browser.js("return window.innerWidth")).longValue();
        if (scrollWidth > innerWidth) {
            List<Object> culprits = (List<Object>) browser.js("""
                    const w = window.innerWidth;
                    return [...document.querySelectorAll('body *')]
                        .filter(e => e.getBoundingClientRect().right > w + 0.5 && e.offsetParent !== null)
                        .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                            + (e.className && e.className.baseVal === undefined ? '.' + e.className : ''));
                    """);
            problems.add(page + ": " + scrollWidth + " px wide in a " + innerWidth + " px screen, " + culprits);
        }
        return problems;
    }

    private static void openDialogue(Browser browser, String scriptId) {
        browser.visible(By.cssSelector("li.sp-dialogue-card[data-dialogue='" + scriptId + "'] .sp-card-action"))
                .click();
        browser.waiting().until(ExpectedConditions.urlContains("/dialogue/"));
        browser.waiting().until(d -> !browser.all(BUBBLES).isEmpty());
        browser.waitForVaadin();
    }
}
