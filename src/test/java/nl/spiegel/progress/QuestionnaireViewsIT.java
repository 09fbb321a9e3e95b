package nl.spiegel.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.server.VaadinSession;

import nl.spiegel.MovableClock;
import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.identity.CurrentVisitor;
import nl.spiegel.identity.Visitor;
import nl.spiegel.progress.internal.QuestionnaireRepository;
import nl.spiegel.progress.scoring.Instrument;
import nl.spiegel.progress.ui.ProgressPrintView;
import nl.spiegel.progress.ui.ProgressView;
import nl.spiegel.progress.ui.QuestionnaireView;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;

/** The questionnaire and "My progress" pages through the real services, without a browser. */
@SpiegelIntegrationTest
class QuestionnaireViewsIT extends SpringBrowserlessTest {

    @Autowired
    CurrentVisitor currentVisitor;
    @Autowired
    QuestionnaireRepository repository;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProgressService progressService;

    private Visitor visitor;

    @BeforeEach
    void dutch() {
        VaadinSession.getCurrent().setLocale(SpiegelI18NProvider.DUTCH);
        UI.getCurrent().setLocale(SpiegelI18NProvider.DUTCH);
        visitor = currentVisitor.get();
    }

    @SuppressWarnings("unchecked")
    private RadioButtonGroup<Integer> item(int number) {
        return find(RadioButtonGroup.class).withId("item-" + number).single();
    }

    private void answer(Integer... answers) {
        for (int i = 0; i < answers.length; i++) {
            if (answers[i] != null) {
                item(i + 1).setValue(answers[i]);
            }
        }
    }

    private void save() {
        test(find(Button.class).withId("questionnaire-save").single()).click();
    }

    private String resultText() {
        return find(Paragraph.class).withId("result-total").single().getText();
    }

    private int screeningsOfVisitor() {
        return jdbc.sql("SELECT COUNT(*) FROM screenings WHERE user_id = ? AND session_id IS NULL")
                .param(visitor.userId().toString()).query(Integer.class).single();
    }

    @Test
    void phq9Item9AboveNotAtAllOpensTheSafetyPanelAtOnceWhateverTheTotal() {
        navigate("progress/questionnaire/phq9", QuestionnaireView.class);
        assertThat(find(Div.class).withId("safety-panel").all()).isEmpty();

        // only item 9, "een paar dagen": the lowest total there is with it, and the form is not even complete
        item(9).setValue(1);

        Div panel = find(Div.class).withId("safety-panel").single();
        assertThat(panel.getElement().getAttribute("data-flow")).isEqualTo("suicide");
        String text = panel.getElement().getTextRecursively();
        assertThat(text).contains("113", "112");
        assertThat(find(com.vaadin.flow.component.Component.class).withId("safety-contacts").all()).hasSize(1);
        assertThat(find(Button.class).withId("talk-to-human").all()).hasSize(1);
        // the follow-up questions started, stored for this person outside any dialogue
        assertThat(screeningsOfVisitor()).isEqualTo(1);

        // saving the form does not start the questions a second time, and gives no total for the skipped items
        save();
        assertThat(find(Div.class).withId("safety-panel").all()).hasSize(1);
        assertThat(screeningsOfVisitor()).isEqualTo(1);
        assertThat(resultText()).contains("1 van de 9 vragen").doesNotContain("Je score is");
    }

    @Test
    void aCompletePhq9WithoutItem9ShowsTheScoreInPlainWordsAndNoSafetyPanel() {
        navigate("progress/questionnaire/phq9", QuestionnaireView.class);
        answer(1, 2, 0, 3, 1, 0, 2, 1, 0);
        save();
        assertThat(resultText()).isEqualTo("Je score is 10 van 27: Matige klachten.");
        assertThat(find(Div.class).withId("safety-panel").all()).isEmpty();
        assertThat(screeningsOfVisitor()).isZero();
    }

    @Test
    void theGad7HasSevenItemsAndItsOwnBands() {
        navigate("progress/questionnaire/gad7", QuestionnaireView.class);
        assertThat(find(RadioButtonGroup.class).all()).hasSize(7);
        answer(3, 3, 3, 3, 3, 0, 3);
        save();
        assertThat(resultText()).isEqualTo("Je score is 18 van 21: Ernstige klachten.");
        assertThat(find(Div.class).withId("safety-panel").all()).isEmpty();
    }

    @Test
    void phq9FilledInOnTwoDaysShowsBothPointsInTheChartAndTheTable() {
        // two weeks ago, on a clock the test moves back; then today through the page
        MovableClock twoWeeksAgo = new MovableClock(java.time.Instant.now().truncatedTo(ChronoUnit.MICROS));
        twoWeeksAgo.advance(Duration.ofDays(-14));
        new ProgressService(repository, twoWeeksAgo).submit(visitor, Instrument.PHQ9,
                Arrays.asList(3, 3, 2, 2, 2, 2, 2, 2, 0));

        navigate("progress/questionnaire/phq9", QuestionnaireView.class);
        answer(1, 1, 0, 1, 0, 0, 1, 0, 0);
        save();
        assertThat(resultText()).isEqualTo("Je score is 4 van 27: Weinig of geen klachten.");

        ProgressView view = navigate(ProgressView.class);
        Element table = byId(view.getElement(), "progress-phq9-table").orElseThrow();
        String tableText = table.getTextRecursively();
        assertThat(tableText).contains("Je scores op de PHQ-9", "18 van 27", "Vrij ernstige klachten", "4 van 27",
                "Weinig of geen klachten");
        Element body = table.getChildren().filter(child -> child.getTag().equals("tbody")).findFirst().orElseThrow();
        assertThat(body.getChildCount()).isEqualTo(2);
        // oldest first
        assertThat(body.getChild(0).getTextRecursively()).contains("18 van 27");

        String svg = find(Div.class).withId("progress-phq9-chart").single().getElement().getProperty("innerHTML");
        assertThat(svg).startsWith("<svg").contains("data-points=\"2\"", "role=\"img\"", "Vrij ernstige klachten");
        assertThat(svg.split("<circle", -1)).hasSize(3);
        // nothing filled in yet for the GAD-7
        assertThat(find(Paragraph.class).withId("progress-gad7-none").all()).hasSize(1);
    }

    @Test
    void thePrintablePageShowsTheScoresInWordsAndWhatTheyMeanWithoutLinksOrIds() {
        QuestionnaireResult stored = progressService.submit(visitor, Instrument.GAD7,
                Arrays.asList(1, 1, 1, 1, 1, 1, 1));

        ProgressView overview = navigate(ProgressView.class);
        assertThat(byId(overview.getElement(), "progress-to-print")).isPresent();
        ProgressPrintView view = navigate(ProgressPrintView.class);

        String text = view.getElement().getTextRecursively();
        assertThat(text).contains("Mijn voortgang: overzicht", "Gemaakt op", "Je scores op de GAD-7", "7 van 21",
                "Lichte klachten", "Een score is geen diagnose", "een zorgverlener heeft deze scores niet bekeken");
        assertThat(find(Div.class).withId("progress-gad7-chart").all()).hasSize(1);
        assertThat(find(Button.class).withId("progress-print").single().getText())
                .isEqualTo("Afdrukken of opslaan als pdf");
        // no links to fill in, and nothing that identifies a record or a person inside Spiegel
        assertThat(byId(view.getElement(), "progress-gad7-fill-in")).isEmpty();
        assertThat(text).doesNotContain(stored.id().toString(), visitor.userId().toString());
        assertThat(text).doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-");
    }

    private static Optional<Element> byId(Element root, String id) {
        if (id.equals(root.getAttribute("id"))) {
            return Optional.of(root);
        }
        return root.getChildren().flatMap(child -> byId(child, id).stream()).findFirst()
                .or(() -> Stream.<Element>empty().findFirst());
    }
}
