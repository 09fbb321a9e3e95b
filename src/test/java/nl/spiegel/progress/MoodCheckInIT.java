package nl.spiegel.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.server.VaadinSession;

import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.dialogue.SessionSnapshot;
import nl.spiegel.dialogue.engine.Prompt;
import nl.spiegel.dialogue.engine.UserInput;
import nl.spiegel.dialogue.ui.ChatView;
import nl.spiegel.identity.CurrentVisitor;
import nl.spiegel.identity.Visitor;
import nl.spiegel.progress.ui.ProgressView;
import nl.spiegel.shared.crypto.FieldCipher;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;

/** The one-tap mood check-in in the real chat, without a browser, and the mood table on My progress. */
@SpiegelIntegrationTest
class MoodCheckInIT extends SpringBrowserlessTest {

    @Autowired
    CurrentVisitor currentVisitor;
    @Autowired
    DialogueService dialogues;
    @Autowired
    MoodService moods;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FieldCipher cipher;

    private Visitor visitor;

    @BeforeEach
    void dutch() {
        VaadinSession.getCurrent().setLocale(SpiegelI18NProvider.DUTCH);
        UI.getCurrent().setLocale(SpiegelI18NProvider.DUTCH);
        visitor = currentVisitor.get();
    }

    private void click(String id) {
        test(find(Button.class).withId(id).single()).click();
    }

    private boolean shown(String id) {
        return find(Div.class).withId(id).all().stream().anyMatch(Div::isVisible);
    }

    private SessionSnapshot finish(SessionSnapshot snapshot) {
        int answers = 0;
        while (!snapshot.finished()) {
            UserInput input = switch (snapshot.prompt()) {
                case Prompt.FreeText text -> new UserInput.Text("Ik wandel graag in het bos");
                case Prompt.Choices choices -> new UserInput.Choice(choices.options().getFirst().value());
                case Prompt.Form form -> new UserInput.Answers(
                        java.util.Map.of(form.questionnaire().items().getFirst().id(), 0));
                case Prompt.None none -> throw new IllegalStateException("finished");
            };
            snapshot = dialogues.answer(visitor, snapshot.id(), snapshot.revision(), input);
            assertThat(++answers).isLessThan(40);
        }
        return snapshot;
    }

    @Test
    void aNewDialogueAsksTheMoodOnceStoresItEncryptedAndDoesNotAskAgain() {
        SessionSnapshot session = dialogues.startNew(visitor, "kennismaking");
        navigate("dialogue/" + session.id(), ChatView.class);
        assertThat(shown("mood-start")).isTrue();
        assertThat(find(Button.class).withId("mood-start-skip").all()).hasSize(1);

        click("mood-start-4");
        assertThat(find(com.vaadin.flow.component.html.Paragraph.class).withId("mood-thanks").single().getText())
                .isEqualTo("Dank je.");
        assertThat(moods.history(visitor)).singleElement().satisfies(mood -> {
            assertThat(mood.moment()).isEqualTo(MoodMoment.START);
            assertThat(mood.value()).isEqualTo(4);
        });
        Map<String, Object> row = jdbc.sql("SELECT organisation_id, mood, key_id FROM mood_checkins WHERE user_id = ?")
                .param(visitor.userId().toString()).query().singleRow();
        assertThat(row.get("organisation_id")).isEqualTo(visitor.organisationId().toString());
        assertThat(row.get("key_id")).isEqualTo(cipher.activeKeyId());
        assertThat(FieldCipher.keyIdOf((byte[]) row.get("mood"))).isEqualTo(cipher.activeKeyId());

        // coming back to the same dialogue: not asked again
        navigate(ProgressView.class);
        navigate("dialogue/" + session.id(), ChatView.class);
        assertThat(shown("mood-start")).isFalse();
    }

    @Test
    void aClearlyWorseMoodAtTheEndOffersGroundingAndTheHelpDialog() {
        SessionSnapshot session = dialogues.startNew(visitor, "kennismaking");
        moods.record(visitor, session.id(), MoodMoment.START, 5);
        finish(session);

        navigate("dialogue/" + session.id(), ChatView.class);
        assertThat(shown("mood-start")).isFalse();
        assertThat(shown("mood-end")).isTrue();
        click("mood-end-2");

        Div grounding = find(Div.class).withId("mood-grounding").single();
        assertThat(grounding.getElement().getTextRecursively()).contains("minder goed dan aan het begin",
                "voeten stevig op de grond");
        click("mood-help");
        assertThat(find(Dialog.class).all()).anySatisfy(dialog -> assertThat(dialog.isOpened()).isTrue());

        // My progress shows both moods of this dialogue in words
        ProgressView view = navigate(ProgressView.class);
        String text = view.getElement().getTextRecursively();
        assertThat(text).contains("Je stemming aan het begin en aan het eind van je gesprekken", "Heel goed",
                "Niet zo goed");
        assertThat(find(Div.class).withId("progress-mood-chart").single().getElement().getProperty("innerHTML"))
                .contains("data-dialogues=\"1\"", "Aan het begin", "Aan het eind");
    }

    @Test
    void theSameOrABetterMoodAtTheEndGetsOnlyThanks() {
        SessionSnapshot session = dialogues.startNew(visitor, "kennismaking");
        moods.record(visitor, session.id(), MoodMoment.START, 2);
        finish(session);

        navigate("dialogue/" + session.id(), ChatView.class);
        click("mood-end-1");
        // one face down is not "clearly worse"
        assertThat(find(Div.class).withId("mood-grounding").all()).isEmpty();
        assertThat(moods.find(visitor, session.id(), MoodMoment.END)).hasValueSatisfying(mood ->
                assertThat(mood.value()).isEqualTo(1));
        // a second tap (another tab) keeps the first
        assertThat(moods.record(visitor, session.id(), MoodMoment.END, 5).value()).isEqualTo(1);
    }
}
