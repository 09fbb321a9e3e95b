package nl.spiegel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import nl.spiegel.dialogue.ChatMessage;
import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.dialogue.MessageKey;
import nl.spiegel.dialogue.SessionId;
import nl.spiegel.dialogue.engine.LocalizedText;
import nl.spiegel.dialogue.engine.Turn;
import nl.spiegel.dialogue.engine.UserInput;
import nl.spiegel.identity.UserId;
import nl.spiegel.identity.Visitor;
import nl.spiegel.organisation.OrganisationId;

/**
 * The answer being written survives the server losing the screen (here: the server expires the browser's HTTP session,
 * which is what a restart or an idle timeout does to it): the tab kept it with its key, the reload puts it back, and it is stored once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DraftAcrossReloadJourneyIT extends BrowserJourney {

    private static final By BUBBLES = By.cssSelector("#chat-log .sp-bubble");
    private static final By ANSWER = By.cssSelector("#answer textarea");
    private static final By SEND = By.id("send");
    private static final By OPTIONS = By.cssSelector("#composer vaadin-button.sp-option");
    private static final By RESTORED = By.id("draft-restored");

    private static final String AANLEIDING = "Ik lig 's nachts wakker van alles wat er op mijn werk gebeurt.";
    private static final String VERANDERING = "Dat ik 's avonds weer kan ontspannen met een boek.";

    @Autowired
    DialogueService dialogues;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ServletWebServerApplicationContext server;

    @Test
    void answerTypedWhenTheServerLostTheScreenComesBackAfterTheReloadAndIsStoredOnce() {
        Browser browser = browser(1100, 1200);
        browser.go("/");
        browser.visible(By.cssSelector("li.sp-dialogue-card[data-dialogue='kennismaking'] .sp-card-action")).click();
        browser.waiting().until(ExpectedConditions.urlContains("/dialogue/"));
        browser.waiting().until(d -> !browser.all(BUBBLES).isEmpty());
        browser.waitForVaadin();
        SessionId session = SessionId.parse(browser.driver().getCurrentUrl()
                .substring(browser.driver().getCurrentUrl().lastIndexOf('/') + 1));
        String storageName = "spiegel.draft." + session;
        answerChoice(browser);                                   // Hoe gaat het op dit moment met je?

        // typed, not sent yet, when the server loses the screen; the person reloads
        browser.visible(ANSWER).sendKeys(AANLEIDING);
        browser.waiting().until(d -> kept(browser, storageName) != null);
        Map<String, Object> keptBefore = kept(browser, storageName);
        assertThat(keptBefore).as("kept in the tab").containsEntry("text", AANLEIDING);
        serverLosesTheScreen(browser);
        browser.reload();

        // a new screen: the text is back, with its key, calmly announced
        browser.waiting().until(d -> !browser.all(RESTORED).isEmpty()
                && !browser.all(RESTORED).getFirst().getText().isBlank());
        browser.waitForVaadin();
        WebElement restored = browser.visible(RESTORED);
        assertThat(restored.getText()).isEqualTo(
                "Je tekst staat er weer. Hij is nog niet verstuurd. Druk op Versturen als je hem wilt sturen.");
        assertThat(restored.getAttribute("aria-live")).isEqualTo("polite");
        assertThat(browser.visible(ANSWER).getAttribute("value")).isEqualTo(AANLEIDING);
        assertThat(storedTexts(session, AANLEIDING)).as("nothing stored before the person sends again").isEmpty();

        int before = browser.all(BUBBLES).size();
        browser.visible(SEND).click();
        browser.waiting().until(d -> browser.all(BUBBLES).size() > before);
        browser.waitForVaadin();
        assertThat(browser.visible(By.id("chat-log")).getText()).contains(AANLEIDING);
        assertThat(storedTexts(session, AANLEIDING)).as("stored once").hasSize(1);
        assertThat(clientKey(session, storedTexts(session, AANLEIDING).getFirst()))
                .as("stored with the key the tab kept before the reload").isEqualTo(keptBefore.get("key"));
        browser.waiting().until(d -> kept(browser, storageName) == null);
        assertThat(browser.all(RESTORED)).as("the line goes with the question it was about").isEmpty();

        answerChoice(browser);                                   // Waar gaat het vooral over?
        answerChoice(browser);                                   // Klopt het als ik het zo samenvat?

        // typed and sent; it reached the database, but the response was lost with the server's screen
        browser.visible(ANSWER).sendKeys(VERANDERING);
        browser.waiting().until(d -> kept(browser, storageName) != null
                && VERANDERING.equals(kept(browser, storageName).get("text")));
        Map<String, Object> keptSecond = kept(browser, storageName);
        dialogues.advance(owner(session), session, ((Number) keptSecond.get("revision")).intValue(),
                new UserInput.Text(VERANDERING), MessageKey.parse((String) keptSecond.get("key")));
        serverLosesTheScreen(browser);
        browser.reload();

        // the tab forgets its draft once the server says that key is stored; the stored answer is shown once
        browser.waiting().until(d -> kept(browser, storageName) == null);
        browser.waitForVaadin();
        assertThat(browser.visible(By.id("chat-log")).getText()).containsOnlyOnce(VERANDERING);
        assertThat(browser.all(ANSWER)).as("the next question is a choice").isEmpty();
        assertThat(browser.all(RESTORED)).isEmpty();
        assertThat(storedTexts(session, VERANDERING)).as("not stored twice").hasSize(1);

        // logging out forgets everything Spiegel kept in the tab (and nothing of other sites' scripts)
        typeLogin(browser, "client@spiegel.local", "spiegel-demo-client");
        browser.waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        browser.go("/account");
        browser.js("""
                sessionStorage.setItem('spiegel.draft.' + arguments[0], JSON.stringify({ text: arguments[1] }));
                sessionStorage.setItem('not-spiegel', 'stays');""", session.toString(), AANLEIDING);
        browser.visible(By.id("account-logout")).click();
        browser.waiting().until(d -> !d.getCurrentUrl().contains("/account"));
        browser.waitForVaadin();
        assertThat(browser.js("return Object.keys(sessionStorage).filter(name => name.startsWith('spiegel.'))"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).isEmpty();
        assertThat(browser.js("return sessionStorage.getItem('not-spiegel')")).isEqualTo("stays");
    }

    /**
     * The server forgets this browser's session and with it the screen (the composer with its key and text), as after
     * an expired session; a restart loses the same and more. The browser keeps its cookie and its tab.
     */
    private void serverLosesTheScreen(Browser browser) {
        String id = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
        int expired = 0;
        for (Container context : ((TomcatWebServer) server.getWebServer()).getTomcat().getHost().findChildren()) {
            try {
                Session session = ((Context) context).getManager().findSession(id);
                if (session != null) {
                    session.expire();
                    expired++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(expired).as("the browser's session was found on the server").isEqualTo(1);
    }

    private static void answerChoice(Browser browser) {
        int before = browser.all(BUBBLES).size();
        browser.visible(OPTIONS).click();
        browser.waiting().until(d -> browser.all(BUBBLES).size() > before);
        browser.waitForVaadin();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> kept(Browser browser, String name) {
        return (Map<String, Object>) browser.js("return JSON.parse(sessionStorage.getItem(arguments[0]) || 'null')",
                name);
    }

    private Visitor owner(SessionId session) {
        return jdbc.sql("SELECT user_id, organisation_id FROM dialogue_sessions WHERE id = ?")
                .param(session.toString())
                .query((rs, n) -> new Visitor(UserId.parse(rs.getString("user_id")),
                        OrganisationId.parse(rs.getString("organisation_id"))))
                .single();
    }

    /** The person's stored messages with exactly this text, read back (and decrypted) by the service. */
    private List<ChatMessage> storedTexts(SessionId session, String text) {
        return dialogues.open(owner(session), session).messages().stream()
                .filter(message -> message.kind() == Turn.Kind.USER_TEXT)
                .filter(message -> text.equals(message.text().in(LocalizedText.ANY)))
                .toList();
    }

    private String clientKey(SessionId session, ChatMessage message) {
        return jdbc.sql("SELECT client_key FROM dialogue_messages WHERE session_id = ? AND seq = ?")
                .params(session.toString(), message.seq())
                .query(String.class).single();
    }
}
