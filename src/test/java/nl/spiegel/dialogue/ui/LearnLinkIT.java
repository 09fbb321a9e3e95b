package nl.spiegel.dialogue.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.server.VaadinSession;

import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.dialogue.SessionSnapshot;
import nl.spiegel.dialogue.engine.Prompt;
import nl.spiegel.dialogue.engine.UserInput;
import nl.spiegel.identity.CurrentVisitor;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;

/** A script's 'learn' link appears below its message in the chat, also after a reload, and only that one. */
@SpiegelIntegrationTest
class LearnLinkIT extends SpringBrowserlessTest {

    @Autowired
    CurrentVisitor currentVisitor;
    @Autowired
    DialogueService dialogues;

    @BeforeEach
    void dutch() {
        VaadinSession.getCurrent().setLocale(SpiegelI18NProvider.DUTCH);
        UI.getCurrent().setLocale(SpiegelI18NProvider.DUTCH);
    }

    @Test
    void theSuggestionAtTheEndOfAnderenLinksTheTopicThatFitsWhatWasSaid() {
        var visitor = currentVisitor.get();
        SessionSnapshot session = dialogues.startNew(visitor, "anderen");
        for (int guard = 0; !session.finished(); guard++) {
            assertThat(guard).isLessThan(60);
            // first options: the pattern comes back often ('vaak'), so the suggestion is about how therapy works
            UserInput reply = switch (session.prompt()) {
                case Prompt.FreeText text -> new UserInput.Text("Mijn antwoord " + guard);
                case Prompt.Choices choices -> new UserInput.Choice(choices.options().getFirst().value());
                default -> throw new IllegalStateException("unexpected prompt");
            };
            session = dialogues.answer(visitor, session.id(), session.revision(), reply);
        }

        navigate("dialogue/" + session.id(), ChatView.class);

        assertThat(ShownText.select(find(Div.class).withId("chat-log").single(), "a.sp-topic-link"))
                .extracting(anchor -> anchor.attr("href"), anchor -> anchor.text(),
                        anchor -> anchor.hasAttr("router-link"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("learn/hoe-werkt-therapie",
                        "Lees: Hoe werkt therapie?", true));
    }
}
