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
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.internal.JacksonUtils;
import com.vaadin.flow.internal.nodefeature.ElementListenerMap;
import com.vaadin.flow.server.VaadinSession;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import tools.jackson.databind.node.ObjectNode;

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

    /** The check-in's markup as the browser gets it. */
    private Document markup(String checkIn) {
        return Jsoup.parseBodyFragment(find(Div.class).withId(checkIn).single().getElement().getProperty("innerHTML"));
    }

    /**
     * A click on a button inside a check-in, as the browser sends it: the button must be in the markup, and the
     * check-in's one click listener gets the button's {@code data-mood} under the expression it asked for.
     */
    private void click(String checkIn, String id) {
        Element card = find(Div.class).withId(checkIn).single().getElement();
        org.jsoup.nodes.Element button = markup(checkIn).getElementById(id);
        assertThat(button).as("button %s on screen", id).isNotNull();
        assertThat(button.tagName()).isEqualTo("vaadin-button");
        ElementListenerMap listeners = card.getNode().getFeature(ElementListenerMap.class);
        ObjectNode data = JacksonUtils.createObjectNode();
        listeners.getExpressions("click").forEach(expression -> {
            assertThat(expression).contains("closest('[data-mood]')");
            if (expression.startsWith("!!")) {
                data.put(expression, true); // the filter: a click on a button
            } else {
                assertThat(expression).endsWith("dataset.mood");
                data.put(expression, button.attr("data-mood"));
            }
        });
        assertThat(data.size()).as("the check-in listens to clicks on its buttons").isEqualTo(2);
        listeners.fireEvent(new DomEvent(card, "click", data));
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
        Document question = markup("mood-start");
        assertThat(question.getElementById("mood-start-question").text())
                .isEqualTo("Hoe voel je je nu, voordat je begint? Dit mag je overslaan.");
        assertThat(question.select(".sp-mood-faces vaadin-button")).extracting(org.jsoup.nodes.Element::text)
                .containsExactly("Heel slecht", "Niet zo goed", "Gaat wel", "Goed", "Heel goed");
        assertThat(question.getElementById("mood-start-4").selectFirst("span.sp-mood-face-4[slot=prefix]")
                .attr("aria-hidden")).isEqualTo("true");
        assertThat(question.getElementById("mood-start-skip").text()).isEqualTo("Overslaan");

        click("mood-start", "mood-start-4");
        assertThat(markup("mood-start").getElementById("mood-thanks").text()).isEqualTo("Dank je.");
        assertThat(markup("mood-start").getElementById("mood-start-4")).as("the faces are gone").isNull();
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
        click("mood-end", "mood-end-2");

        assertThat(markup("mood-end").getElementById("mood-grounding").text()).contains(
                "minder goed dan aan het begin", "voeten stevig op de grond");
        click("mood-end", "mood-help");
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
        click("mood-end", "mood-end-1");
        // one face down is not "clearly worse"
        assertThat(markup("mood-end").getElementById("mood-thanks").text()).isEqualTo("Dank je.");
        assertThat(markup("mood-end").getElementById("mood-grounding")).isNull();
        assertThat(moods.find(visitor, session.id(), MoodMoment.END)).hasValueSatisfying(mood ->
                assertThat(mood.value()).isEqualTo(1));
        // a second tap (another tab) keeps the first
        assertThat(moods.record(visitor, session.id(), MoodMoment.END, 5).value()).isEqualTo(1);
    }

    @Test
    void theStartQuestionGoesAwayQuietlyOnceThePersonAnswersWithoutIt() {
        SessionSnapshot session = dialogues.startNew(visitor, "kennismaking");
        navigate("dialogue/" + session.id(), ChatView.class);
        assertThat(shown("mood-start")).isTrue();

        // the first question of kennismaking is a choice
        test(find(Button.class).withClassName("sp-option").first()).click();

        assertThat(find(Div.class).withId("mood-start").all()).as("removed, not only hidden").isEmpty();
        assertThat(moods.history(visitor)).as("nothing recorded").isEmpty();
        // and it does not come back with the dialogue
        navigate(ProgressView.class);
        navigate("dialogue/" + session.id(), ChatView.class);
        assertThat(find(Div.class).withId("mood-start").all()).isEmpty();
    }

    @Test
    void skippingHidesTheQuestionAndRecordsNothing() {
        SessionSnapshot session = dialogues.startNew(visitor, "kennismaking");
        navigate("dialogue/" + session.id(), ChatView.class);

        click("mood-start", "mood-start-skip");

        assertThat(shown("mood-start")).isFalse();
        assertThat(moods.history(visitor)).isEmpty();
    }
}
