package nl.spiegel.progress;

import static org.assertj.core.api.Assertions.assertThat;

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
import com.vaadin.flow.server.VaadinSession;

import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.dialogue.SessionSnapshot;
import nl.spiegel.dialogue.ui.ChatView;
import nl.spiegel.identity.CurrentVisitor;
import nl.spiegel.identity.Visitor;
import nl.spiegel.progress.scoring.Band;
import nl.spiegel.progress.scoring.Instrument;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;

/** The PHQ-9 and GAD-7 as questionnaire nodes in the real chat, without a browser. */
@SpiegelIntegrationTest
class ChatQuestionnaireIT extends SpringBrowserlessTest {

    @Autowired
    CurrentVisitor currentVisitor;
    @Autowired
    DialogueService dialogues;
    @Autowired
    ProgressService progress;
    @Autowired
    JdbcClient jdbc;

    private Visitor visitor;

    @BeforeEach
    void dutch() {
        VaadinSession.getCurrent().setLocale(SpiegelI18NProvider.DUTCH);
        UI.getCurrent().setLocale(SpiegelI18NProvider.DUTCH);
        visitor = currentVisitor.get();
    }

    private SessionSnapshot open(String script) {
        SessionSnapshot session = dialogues.startNew(visitor, script);
        navigate("dialogue/" + session.id(), ChatView.class);
        return session;
    }

    @SuppressWarnings("unchecked")
    private void fillIn(String questionnaire, Integer... answers) {
        for (int i = 0; i < answers.length; i++) {
            RadioButtonGroup<Integer> group = find(RadioButtonGroup.class)
                    .withId("q-" + questionnaire + "-item-" + (i + 1)).single();
            if (answers[i] != null) {
                test(group).selectItem(Instrument.PHQ9.answerLabel(answers[i], SpiegelI18NProvider.DUTCH));
            }
        }
        test(find(Button.class).withId("questionnaire-send").single()).click();
    }

    private String log() {
        return nl.spiegel.dialogue.ui.ShownText.of(find(Div.class).withId("chat-log").single());
    }

    @Test
    void aPhq9InTheChatShowsItsScoreInWordsAndJoinsMyProgress() {
        open("phq9");
        assertThat(find(RadioButtonGroup.class).all()).hasSize(9);
        assertThat(find(RadioButtonGroup.class).withId("q-phq9-item-9").single().getLabel())
                .startsWith("9. Gedachten dat je beter dood kunt zijn");

        fillIn("phq9", 1, 2, 0, 3, 1, 0, 2, 1, 0);

        assertThat(log()).contains("Je score is 10 van 27: Matige klachten.", "Een score is geen diagnose");
        assertThat(find(Div.class).withId("safety-panel").all()).isEmpty();
        assertThat(progress.history(visitor, Instrument.PHQ9)).singleElement().satisfies(result -> {
            assertThat(result.score().total()).hasValue(10);
            assertThat(result.score().band()).isEqualTo(Band.MODERATE);
        });
    }

    @Test
    void aSkippedItemInTheChatGivesNoScoreButKeepsTheAnswers() {
        open("gad7");
        fillIn("gad7", 3, 3, null, 3, 3, 3, 3);

        assertThat(log()).contains("6 van de 7 vragen").doesNotContain("Je score is");
        assertThat(progress.history(visitor, Instrument.GAD7)).singleElement().satisfies(result -> {
            assertThat(result.score().complete()).isFalse();
            assertThat(result.score().answered()).isEqualTo(6);
        });
    }

    @Test
    void anEmptyFormIsRefusedWithAClearMessage() {
        open("gad7");
        fillIn("gad7");

        assertThat(find(Paragraph.class).withId("questionnaire-error").single().getText())
                .isEqualTo("Kies bij minstens \u00e9\u00e9n vraag een antwoord.");
        assertThat(progress.history(visitor)).isEmpty();
    }

    @Test
    void item9AboveNotAtAllInTheChatStartsTheRiskFlowAtOnceAndTheDialogueGoesOnAfterwards() {
        SessionSnapshot session = open("phq9");
        // the lowest total there is with item 9 answered: "een paar dagen" and nothing else
        fillIn("phq9", null, null, null, null, null, null, null, null, 1);

        Div panel = find(Div.class).withId("safety-panel").single();
        assertThat(panel.getElement().getAttribute("data-flow")).isEqualTo("suicide");
        assertThat(panel.getElement().getTextRecursively()).contains("113", "112");
        assertThat(log()).doesNotContain("vragen ingevuld");
        // the answers are kept at once, before the person decides how to go on
        assertThat(progress.history(visitor, Instrument.PHQ9)).singleElement()
                .satisfies(result -> assertThat(result.score().asksForSafetyCheck()).isTrue());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM dialogue_messages WHERE session_id = ? AND risk_level = 'CRISIS'")
                .param(session.id().toString()).query(Integer.class).single()).isEqualTo(1);

        // what the panel's "go on" does once the person is ready
        dialogues.continueAfterSafetyPause(visitor, session.id(), dialogues.open(visitor, session.id()).revision());
        navigate("dialogue/" + session.id(), ChatView.class);

        assertThat(log()).contains("1 van de 9 vragen ingevuld");
        assertThat(progress.history(visitor, Instrument.PHQ9)).hasSize(1);
    }
}
