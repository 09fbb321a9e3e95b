package nl.spiegel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A person fills in the PHQ-9 twice in a real browser and sees both results on My progress, in the chart and in the
 * table. (Two different days on a moved clock are covered by {@code QuestionnaireViewsIT}.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ProgressJourneyIT extends BrowserJourney {

    @Test
    void phq9FilledInTwiceShowsTwoPointsAndTwoRowsOnMyProgress() {
        Browser browser = browser(1100, 1300);
        fillInPhq9(browser, new int[] {2, 2, 1, 2, 1, 1, 2, 1, 0}, "Je score is 12 van 27: Matige klachten.");
        fillInPhq9(browser, new int[] {1, 1, 0, 1, 1, 0, 1, 0, 0}, "Je score is 5 van 27: Lichte klachten.");

        browser.visible(By.id("result-to-progress")).click();
        browser.waiting().until(ExpectedConditions.urlMatches(".*/progress$"));
        WebElement chart = browser.visible(By.cssSelector("#progress-phq9-chart svg"));
        assertThat(chart.getAttribute("data-points")).isEqualTo("2");
        assertThat(browser.all(By.cssSelector("#progress-phq9-chart circle"))).hasSize(2);
        List<WebElement> rows = browser.all(By.cssSelector("#progress-phq9-table tbody tr"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getText()).contains("12 van 27", "Matige klachten");
        assertThat(rows.get(1).getText()).contains("5 van 27", "Lichte klachten");
        assertThat(browser.visible(By.id("progress-not-a-diagnosis")).getText()).contains("geen diagnose");

        List<String> problems = new ArrayList<>(Axe.seriousViolations(browser, "my progress"));
        assertThat(problems).as("critical or serious axe-core violations").isEmpty();

        // the picture in the README
        browser.js("window.scrollTo(0, 0)");
        browser.screenshot(Path.of("docs", "images", "progress.png"));

        // the summary for the GP: printed (or saved as PDF) on one A4 page with both results in words
        browser.visible(By.id("progress-to-print")).click();
        browser.waiting().until(ExpectedConditions.urlMatches(".*/progress/print$"));
        assertThat(browser.visible(By.id("progress-print")).getText()).isEqualTo("Afdrukken of opslaan als pdf");
        assertThat(browser.all(By.cssSelector("#progress-phq9-table tbody tr"))).hasSize(2);
        assertThat(Axe.seriousViolations(browser, "printable progress")).isEmpty();
        PrintOptions a4 = new PrintOptions();
        a4.setPageSize(new PageSize(29.7, 21.0));
        String pdf = new String(Base64.getDecoder().decode(browser.driver().print(a4).getContent()),
                StandardCharsets.ISO_8859_1);
        assertThat(pdf).startsWith("%PDF");
        assertThat(Pattern.compile("/Type\\s*/Page(?![a-zA-Z])").matcher(pdf).results().count())
                .as("pages in the printed summary").isEqualTo(1);
    }

    @Test
    void phq9Item9OpensTheSafetyPanelInTheBrowser() {
        Browser browser = browser(1100, 1300);
        browser.go("/progress/questionnaire/phq9");
        choose(browser, 9, 1);
        WebElement panel = browser.visible(By.id("safety-panel"));
        assertThat(panel.getAttribute("data-flow")).isEqualTo("suicide");
        assertThat(browser.visible(By.id("safety-contacts")).getText()).contains("113", "112");
        assertThat(Axe.seriousViolations(browser, "questionnaire with safety panel")).isEmpty();
    }

    private static void fillInPhq9(Browser browser, int[] answers, String expected) {
        browser.go("/progress/questionnaire/phq9");
        browser.visible(By.id("questionnaire-title"));
        for (int item = 1; item <= answers.length; item++) {
            choose(browser, item, answers[item - 1]);
        }
        browser.visible(By.id("questionnaire-save")).click();
        browser.waiting().until(d -> browser.exists(By.id("result-total"))
                && browser.present(By.id("result-total")).getText().equals(expected));
    }

    private static void choose(Browser browser, int item, int answer) {
        List<WebElement> options = browser.all(By.cssSelector("#item-" + item + " vaadin-radio-button"));
        assertThat(options).hasSize(4);
        WebElement option = options.get(answer);
        browser.js("arguments[0].scrollIntoView({block: 'center'})", option);
        option.findElement(By.tagName("label")).click();
        browser.waitForVaadin();
    }
}
