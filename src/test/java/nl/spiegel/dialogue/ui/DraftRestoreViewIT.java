package nl.spiegel.dialogue.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import com.vaadin.flow.component.textfield.TextArea;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.dialogue.MessageKey;
import nl.spiegel.dialogue.SessionId;
import nl.spiegel.dialogue.engine.LocalizedText;
import nl.spiegel.dialogue.engine.Turn;
import nl.spiegel.dialogue.engine.UserInput;
import nl.spiegel.identity.AnonymousBrowserlessVisitor;
import nl.spiegel.identity.CurrentVisitor;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;

/**
 * The chat's side of a draft kept in the browser tab, without a browser: the test plays the tab by answering the
 * chat's "what did you keep" script with a draft, as the browser would after a reload, and reads what the chat asks
 * the tab to keep and forget. The browser side itself is {@code DraftAcrossReloadJourneyIT}.
 */
@SpiegelIntegrationTest
class DraftRestoreViewIT extends SpringBrowserlessTest {

    private static final String TEXT = "Het gaat vooral om de drukte thuis en op mijn werk.";

    @Autowired
    DialogueService dialogues;
    @Autowired
    CurrentVisitor visitor;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void dutch() {
        com.vaadin.flow.server.VaadinSession.getCurrent().setLocale(SpiegelI18NProvider.DUTCH);
        UI.getCurrent().setLocale(SpiegelI18NProvider.DUTCH);
        AnonymousBrowserlessVisitor.start();
        navigate(MyDialoguesView.class);
    }

    @Test
    void textWrittenForAnEarlierQuestionComesBackWithANewKeyAndIsStoredOnceUnderIt() {
        SessionId session = openAtTextQuestion();
        Kept asked = keptByTheField();
        MessageKey oldKey = MessageKey.random();

        reloadWithDraft(session, TEXT, oldKey.toString(), asked.revision() - 1);

        assertThat(answerField().getValue()).isEqualTo(TEXT);
        assertThat(restoredLine()).isEqualTo("Deze tekst schreef je bij een eerdere vraag. Hij is nog niet verstuurd. "
                + "Past hij hier? Druk dan op Versturen.");
        Kept rewritten = keptByTheField();
        assertThat(rewritten.key()).as("a new key for this question").isNotEqualTo(oldKey.toString());
        assertThat(rewritten.revision()).isEqualTo(asked.revision());

        test(find(Button.class).withId("send").single()).click();

        assertThat(storedCopies(session, TEXT)).isEqualTo(1);
        assertThat(keysOf(session)).contains(rewritten.key()).doesNotContain(oldKey.toString());
        assertThat(forgotten()).as("the tab forgets it once stored").contains(rewritten.key());
    }

    @Test
    void textLongerThanTheQuestionAllowsComesBackWholeAndMarkedTooLong() {
        SessionId session = openAtTextQuestion();
        Kept asked = keptByTheField();
        String tooLong = "a".repeat(answerField().getMaxLength() + 1);

        reloadWithDraft(session, tooLong, asked.key(), asked.revision());

        TextArea field = answerField();
        assertThat(field.getValue()).as("nothing cut off").isEqualTo(tooLong);
        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage()).isEqualTo("Je antwoord is te lang. Maak het wat korter.");
        assertThat(restoredLine()).startsWith("Je tekst staat er weer.");
        assertThat(keptByTheField().key()).as("its own key").isEqualTo(asked.key());
    }

    @Test
    void aDraftWhoseAnswerIsStoredIsForgottenAndNotShownAgain() {
        SessionId session = openAtTextQuestion();
        Kept asked = keptByTheField();
        // the first try reached the database; its response was lost with the screen
        dialogues.advance(visitor.get(), session, asked.revision(), new UserInput.Text(TEXT),
                MessageKey.parse(asked.key()));

        reloadWithDraft(session, TEXT, asked.key(), asked.revision());

        assertThat(find(TextArea.class).withId("answer").exists()).as("the next question is a choice").isFalse();
        assertThat(find(Span.class).withId("draft-restored").exists()).isFalse();
        assertThat(forgotten()).contains(asked.key());
        assertThat(storedCopies(session, TEXT)).isEqualTo(1);
    }

    @Test
    void aDraftNotStoredStaysInTheTabWhileTheQuestionOnScreenHasNoTextField() {
        SessionId session = openAtTextQuestion();
        Kept asked = keptByTheField();
        // answered meanwhile in another tab, with other words and another key
        dialogues.advance(visitor.get(), session, asked.revision(), new UserInput.Text("Iets anders"),
                MessageKey.random());

        reloadWithDraft(session, TEXT, asked.key(), asked.revision());

        assertThat(find(TextArea.class).withId("answer").exists()).isFalse();
        assertThat(forgotten()).as("kept for the next written question").isEmpty();
        assertThat(storedCopies(session, TEXT)).isZero();
    }

    /** What the chat asked the tab to keep for the field on screen. */
    private record Kept(String key, int revision) {
    }

    private SessionId openAtTextQuestion() {
        navigate(StartView.class);
        ListItem card = find(ListItem.class).withAttribute("data-dialogue", "kennismaking").single();
        test(find(Button.class, card).single()).click();
        assertThat(getCurrentView()).isInstanceOf(ChatView.class);
        while (!find(TextArea.class).withId("answer").exists()) {
            test(find(Button.class).withClassName("sp-option").all().getFirst()).click();
        }
        String path = UI.getCurrent().getInternals().getActiveViewLocation().getPath();
        return SessionId.parse(path.substring(path.lastIndexOf('/') + 1));
    }

    /** A new screen for the same dialogue, as after a reload, and the tab answering with this draft. */
    private void reloadWithDraft(SessionId session, String text, String key, int revision) {
        pending();
        navigate(MyDialoguesView.class);
        navigate(ChatView.class, session.toString());
        PendingJavaScriptInvocation read = pending().stream()
                .filter(js -> js.getInvocation().getExpression().contains("return { text: kept.text"))
                .findFirst().orElseThrow(() -> new AssertionError("the chat did not ask the tab"));
        ObjectNode draft = JsonNodeFactory.instance.objectNode();
        draft.put("text", text);
        draft.put("key", key);
        draft.put("revision", revision);
        read.complete(draft);
    }

    private Kept keptByTheField() {
        PendingJavaScriptInvocation keep = pending().stream()
                .filter(js -> js.getInvocation().getExpression().contains("__spiegelDraftKeep(this"))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("the field keeps nothing in the tab"));
        List<Object> parameters = keep.getInvocation().getParameters();
        return new Kept((String) parameters.get(1), ((Number) parameters.get(2)).intValue());
    }

    /** The keys the chat asked the tab to forget since the last look. */
    private List<String> forgotten() {
        return pending().stream()
                .filter(js -> js.getInvocation().getExpression().contains("sessionStorage.removeItem($0)"))
                .map(js -> String.valueOf(js.getInvocation().getParameters().get(1)))
                .toList();
    }

    /** Every script for the browser since the last call, as the next response would carry it. */
    private static List<PendingJavaScriptInvocation> pending() {
        roundTrip();
        return UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations();
    }

    private TextArea answerField() {
        return find(TextArea.class).withId("answer").single();
    }

    private String restoredLine() {
        return find(Span.class).withId("draft-restored").single().getText();
    }

    private long storedCopies(SessionId session, String text) {
        return dialogues.open(visitor.get(), session).messages().stream()
                .filter(message -> message.kind() == Turn.Kind.USER_TEXT)
                .filter(message -> text.equals(message.text().in(LocalizedText.ANY)))
                .count();
    }

    private List<String> keysOf(SessionId session) {
        return jdbc.sql("SELECT client_key FROM dialogue_messages WHERE session_id = ? AND client_key IS NOT NULL")
                .param(session.toString()).query(String.class).list();
    }
}
