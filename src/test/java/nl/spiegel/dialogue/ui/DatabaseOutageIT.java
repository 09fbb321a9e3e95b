package nl.spiegel.dialogue.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;

import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.shared.database.EmbeddedMariaDb;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;

/**
 * The database goes away while a person sends an answer (the real embedded MariaDB server is stopped): they see a
 * calm "saving" line with their text kept, the chat tries again by itself, and once the server is back the answer is
 * stored exactly once and shown as sent.
 */
@SpiegelIntegrationTest
class DatabaseOutageIT extends SpringBrowserlessTest {

    private static final String ANSWER = "Dit mag niet verloren gaan, ook niet als de database even weg is";

    @Autowired
    EmbeddedMariaDb database;
    @Autowired
    JdbcClient jdbc;

    private boolean stopped;

    @BeforeEach
    void dutch() {
        com.vaadin.flow.server.VaadinSession.getCurrent().setLocale(SpiegelI18NProvider.DUTCH);
        UI.getCurrent().setLocale(SpiegelI18NProvider.DUTCH);
        navigate(MyDialoguesView.class);
    }

    @AfterEach
    void databaseBack() {
        if (stopped) {
            database.startAgain();
        }
    }

    @Test
    void anAnswerSentWhileTheDatabaseIsAwayIsKeptRetriedAndStoredOnceItIsBack() {
        openDialogue("kennismaking");
        while (!find(TextArea.class).withId("answer").exists()) {
            test(find(Button.class).withClassName("sp-option").first()).click();
        }
        String path = UI.getCurrent().getInternals().getActiveViewLocation().getPath();
        String session = path.substring(path.lastIndexOf('/') + 1);
        test(find(TextArea.class).withId("answer").single()).setValue(ANSWER);

        database.stopForDrill();
        stopped = true;
        test(find(Button.class).withId("send").single()).click();

        Span saving = find(Span.class).withId("saving").single();
        assertThat(saving.isVisible()).isTrue();
        assertThat(saving.getText()).startsWith("Je antwoord wordt bewaard").doesNotContain("Exception", "SQL", "500");
        TextArea field = find(TextArea.class).withId("answer").single();
        assertThat(field.getValue()).as("the text stays in the field").isEqualTo(ANSWER);
        assertThat(field.isInvalid()).as("no error on the field").isFalse();
        assertThat(find(Button.class).withId("send").single().isEnabled()).as("not sent twice meanwhile").isFalse();
        assertThat(find(Notification.class).exists()).as("no error pop-up").isFalse();
        assertThat(textOf(find(Div.class).withId("chat-log").single())).doesNotContain(ANSWER);

        database.startAgain();
        stopped = false;

        // the chat's own retry stores it: the test only lets the screen pick up what the retry thread hands over
        await().atMost(Duration.ofMinutes(2)).pollInSameThread().pollInterval(Duration.ofMillis(200)).until(() -> {
            roundTrip();
            return textOf(find(Div.class).withId("chat-log").single()).contains(ANSWER);
        });
        assertThat(find(Span.class).withId("saving").exists()).as("the saving line is gone").isFalse();
        assertThat(find(Div.class).withId("composer").single().isVisible()).isTrue();
        Integer stored = jdbc.sql("SELECT COUNT(*) FROM dialogue_messages WHERE session_id = ? AND kind = 'USER_TEXT'")
                .param(session).query(Integer.class).single();
        assertThat(stored).as("stored exactly once").isEqualTo(1);
        String log = textOf(find(Div.class).withId("chat-log").single());
        assertThat(log.indexOf(ANSWER)).as("shown once").isEqualTo(log.lastIndexOf(ANSWER));
    }

    @Test
    void aPageThatNeedsTheDatabaseWhileItIsAwayShowsACalmPageWithHelpAndComesBackAfterwards() {
        // the visitor was resolved on "my dialogues" (before each test); the start page reads the catalogue
        assertThat(getCurrentView()).isInstanceOf(MyDialoguesView.class);
        database.stopForDrill();
        stopped = true;
        UI.getCurrent().navigate(StartView.class);

        assertThat(getCurrentView()).isInstanceOf(nl.spiegel.shared.ui.StorageAwayView.class);
        String page = textOf(getCurrentView().getElement().getComponent().orElseThrow());
        assertThat(page).contains("Even geduld", "blijft bewaard", "113", "112")
                .doesNotContain("Exception", "SQL", "503", "500", "jdbc");
        assertThat(find(Button.class).withId("storage-away-again").single().isEnabled()).isTrue();

        database.startAgain();
        stopped = false;
        navigate(StartView.class);
        assertThat(find(ListItem.class).withAttribute("data-dialogue", "kennismaking").exists()).isTrue();
    }

    private void openDialogue(String scriptId) {
        navigate(StartView.class);
        ListItem card = find(ListItem.class).withAttribute("data-dialogue", scriptId).single();
        test(find(Button.class, card).single()).click();
        assertThat(getCurrentView()).isInstanceOf(ChatView.class);
    }

    private static String textOf(com.vaadin.flow.component.Component component) {
        return ShownText.of(component);
    }
}
