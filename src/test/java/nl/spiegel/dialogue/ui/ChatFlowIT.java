package nl.spiegel.dialogue.ui;

import static org.assertj.core.api.Assertions.assertThat;
import nl.spiegel.shared.ui.PlainButton;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.textfield.TextArea;

import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.identity.AnonymousBrowserlessVisitor;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;

/** Walks dialogues through the real views, services and database, without a browser. */
@SpiegelIntegrationTest
class ChatFlowIT extends SpringBrowserlessTest {

    @BeforeEach
    void dutch() {
        com.vaadin.flow.server.VaadinSession.getCurrent().setLocale(SpiegelI18NProvider.DUTCH);
        UI.getCurrent().setLocale(SpiegelI18NProvider.DUTCH);
        // a new anonymous visitor for every test: the mocked HTTP session outlives a test (and a test class)
        AnonymousBrowserlessVisitor.start();
        // the test UI already shows the start page, built before the locale was set: leave it so views are rebuilt
        navigate(MyDialoguesView.class);
    }

    @Test
    void startPageListsTheFourDialoguesAndThenTheQuestionnairesAsNew() {
        navigate(StartView.class);

        List<ListItem> cards = find(ListItem.class).withClassName("sp-dialogue-card").all();
        assertThat(cards).extracting(card -> card.getElement().getAttribute("data-dialogue"))
                .containsExactly("kennismaking", "zelfbeeld", "emoties", "anderen", "wensen", "phq9", "gad7");
        assertThat(textOf(cards.getFirst())).contains("Kennismaking", "Nieuw", "Ongeveer");
    }

    @Test
    void aWholeDialogueCanBeCompletedAndEndsWithSummaryAndExercise() {
        openDialogue("wensen");
        int replies = 0;
        while (!finished()) {
            replyWithSomething(replies);
            assertThat(++replies).isLessThan(40);
        }

        // the bubbles are markup of one element per step (MessageBubble.turn), as the browser gets them
        org.jsoup.nodes.Document log = org.jsoup.Jsoup.parseBodyFragment(
                find(Div.class).withId("chat-log").single().getElement().getOuterHTML());
        assertThat(log.select("#chat-log > div.sp-turn > div.sp-bubble.sp-summary-card")).hasSize(1);
        assertThat(log.select("#chat-log > div.sp-turn > div.sp-bubble.sp-exercise-card")).hasSize(1);
        assertThat(log.select("div.sp-turn > div.sp-bubble-user").size()).as("every answer").isEqualTo(replies);
        assertThat(textOf(find(Div.class).withId("chat-log"))).contains("Jouw samenvatting", "Antwoord nummer 1");
        assertThat(find(Div.class).withId("composer").exists()).as("no input once finished").isFalse();

        press(find(PlainButton.class).withId("to-exercises").single());
        assertThat(getCurrentView()).isInstanceOf(MyExercisesView.class);
        assertThat(find(ListItem.class).withClassName("sp-exercise-card").all()).hasSize(1);

        navigate(MyDialoguesView.class);
        assertThat(textOf(find(com.vaadin.flow.component.html.UnorderedList.class).withId("history-list").single()))
                .contains("Klaar", "Antwoord nummer 1");

        navigate(StartView.class);
        assertThat(textOf(card("wensen"))).contains("Klaar", "Opnieuw doen");
    }

    @Test
    void stoppingAndComingBackShowsEveryEarlierAnswerAndTheSameQuestion() {
        openDialogue("zelfbeeld");
        replyWithSomething(0);
        replyWithSomething(1);
        replyWithSomething(2);
        String logBefore = textOf(find(Div.class).withId("chat-log"));
        String promptBefore = currentPromptText();

        test(find(Button.class).withId("stop").single()).click();
        assertThat(getCurrentView()).isInstanceOf(StartView.class);
        assertThat(textOf(card("zelfbeeld"))).contains("Bezig", "Verder gaan");

        test(find(Button.class).withClassName("sp-card-action").withAriaLabelContaining("Hoe kijk ik").single()).click();
        assertThat(getCurrentView()).isInstanceOf(ChatView.class);
        assertThat(textOf(find(Div.class).withId("chat-log"))).isEqualTo(logBefore);
        assertThat(currentPromptText()).isEqualTo(promptBefore);
    }

    @Test
    void anEmptyAnswerIsRefusedWithAMessageAndKeepsTheQuestion() {
        openDialogue("kennismaking");
        while (!find(TextArea.class).withId("answer").exists()) {
            replyWithSomething(0);
        }
        String logBefore = textOf(find(Div.class).withId("chat-log"));
        TextArea answer = find(TextArea.class).withId("answer").single();

        test(answer).setValue("   ");
        test(find(Button.class).withId("send").single()).click();

        assertThat(answer.isInvalid()).isTrue();
        assertThat(answer.getErrorMessage()).isEqualTo("Schrijf eerst iets op. Een paar woorden is genoeg.");
        assertThat(textOf(find(Div.class).withId("chat-log"))).isEqualTo(logBefore);
    }

    @Test
    void theTextFieldShowsHowManyCharactersAreLeft() {
        openDialogue("emoties");
        while (!find(TextArea.class).withId("answer").exists()) {
            replyWithSomething(0);
        }
        TextArea answer = find(TextArea.class).withId("answer").single();
        test(answer).setValue("Hallo");
        assertThat(answer.getHelperText()).matches("5 van \\d+ tekens");
        assertThat(answer.getMaxLength()).isPositive();
    }

    @Test
    void aCrisisMessageShowsTheSafetyPanelPausesTheScriptAndTheDialogueGoesOnOnlyWhenChosen() {
        openDialogue("kennismaking");
        while (!find(TextArea.class).withId("answer").exists()) {
            replyWithSomething(0);
        }
        test(find(TextArea.class).withId("answer").single())
                .setValue("Ik zie het niet meer zitten, ik wil er een eind aan maken.");
        test(find(Button.class).withId("send").single()).click();

        Div panel = find(Div.class).withId("safety-panel").single();
        assertThat(panel.getElement().getOuterHTML()).contains("tel:113", "tel:112");
        assertThat(find(Button.class).withId("talk-to-human").exists()).isTrue();
        assertThat(find(TextArea.class).withId("answer").exists()).as("the script waits").isFalse();
        assertThat(textOf(find(Div.class).withId("chat-log"))).contains("ik wil er een eind aan maken");

        test(find(Button.class).withId("screen-dismiss").single()).click();
        assertThat(find(Div.class).withId("safety-panel").single().getElement().getOuterHTML())
                .as("a denial keeps the help visible").contains("tel:113");
        test(find(Button.class).withId("continue-dialogue").single()).click();

        assertThat(find(Div.class).withId("composer").exists()).as("the dialogue goes on").isTrue();
        assertThat(find(Div.class).withId("safety-panel").exists()).as("the panel stays in the conversation").isTrue();
    }

    @Test
    void afterAPositiveScreenTheDialogueEndsGentlyAndNeverMirrorsTheRiskyWordsAgain() {
        openDialogue("kennismaking");
        String path = UI.getCurrent().getInternals().getActiveViewLocation().getPath();
        sendText("Ik wil niet meer leven.");

        assertThat(find(Div.class).withId("safety-panel").single().getElement().getAttribute("data-flow"))
                .isEqualTo("suicide");
        assertThat(find(com.vaadin.flow.component.html.Paragraph.class).withId("screen-question").single()
                .getElement().getAttribute("data-question")).as("the wish was said, not asked again").isEqualTo("q2");
        for (String answer : List.of("screen-yes", "screen-no", "screen-no", "screen-no", "screen-no")) {
            test(find(Button.class).withId(answer).single()).click();
        }

        assertThat(find(Div.class).withId("safety-outcome").single().getElement().getAttribute("data-outcome"))
                .isEqualTo("low");
        assertThat(find(Button.class).withId("continue-dialogue").exists()).isFalse();
        assertThat(find(Div.class).withId("composer").exists()).as("no more questions of the script").isFalse();
        String log = textOf(find(Div.class).withId("chat-log"));
        assertThat(log).contains("Dit gesprek stopt hier");
        assertThat(log.indexOf("Ik wil niet meer leven")).as("the risky words appear once: as sent")
                .isEqualTo(log.lastIndexOf("Ik wil niet meer leven"));

        navigate(MyDialoguesView.class);
        navigate(path, ChatView.class);
        assertThat(find(Div.class).withId("safety-panel").exists()).isFalse();
        assertThat(find(Div.class).withId("composer").exists()).isFalse();
        assertThat(textOf(find(Div.class).withId("chat-log"))).endsWith(
                "Dit gesprek stopt hier. Dank je voor je vertrouwen. De hulp en je veiligheidsplan staan altijd "
                        + "klaar, via Hulp nodig? en Mijn veiligheidsplan. Later kun je op de startpagina een rustig "
                        + "gesprek beginnen.");
    }

    @Test
    void abuseAndSelfHarmInTheChatEachLeadToTheirOwnFlow() {
        openDialogue("kennismaking");
        sendText("Mijn vriend slaat me.");
        assertThat(find(Div.class).withId("safety-panel").single().getElement().getAttribute("data-flow"))
                .isEqualTo("abuse");
        assertThat(find(Button.class).withId("quick-exit").exists()).isTrue();

        openDialogue("zelfbeeld");
        sendText("Ik heb mezelf weer gesneden.");
        assertThat(find(Div.class).withId("safety-panel").single().getElement().getAttribute("data-flow"))
                .isEqualTo("self-harm");
    }

    @Test
    void anOrdinarySadMessageDoesNotInterruptTheDialogue() {
        openDialogue("emoties");
        while (!find(TextArea.class).withId("answer").exists()) {
            replyWithSomething(0);
        }
        test(find(TextArea.class).withId("answer").single())
                .setValue("Ik was gisteren verdrietig omdat mijn vriendin verhuist, en ik ging dood van het lachen om haar afscheidskaart.");
        test(find(Button.class).withId("send").single()).click();

        assertThat(find(Div.class).withId("safety-panel").exists()).isFalse();
    }

    @Test
    void anUnknownSessionShowsAFriendlyMessage() {
        navigate(ChatView.class, "00000000-0000-0000-0000-00000000abcd");
        assertThat(textOf(getCurrentView().getElement().getComponent().orElseThrow()))
                .contains("Gesprek niet gevonden");
    }

    private void sendText(String text) {
        while (!find(TextArea.class).withId("answer").exists()) {
            replyWithSomething(0);
        }
        test(find(TextArea.class).withId("answer").single()).setValue(text);
        test(find(Button.class).withId("send").single()).click();
    }

    private void openDialogue(String scriptId) {
        navigate(StartView.class);
        ListItem card = card(scriptId);
        Button action = find(Button.class, card).single();
        test(action).click();
        assertThat(getCurrentView()).isInstanceOf(ChatView.class);
    }

    private ListItem card(String scriptId) {
        return find(ListItem.class).withAttribute("data-dialogue", scriptId).single();
    }

    private boolean finished() {
        return find(Div.class).withId("finished-actions").single().getChildren().findAny().isPresent();
    }

    private void replyWithSomething(int number) {
        if (find(TextArea.class).withId("answer").exists()) {
            test(find(TextArea.class).withId("answer").single()).setValue("Antwoord nummer " + (number + 1));
            test(find(Button.class).withId("send").single()).click();
        } else {
            test(find(Button.class).withClassName("sp-option").first()).click();
        }
    }

    private String currentPromptText() {
        return textOf(find(Div.class).withId("composer").single());
    }

    private static String textOf(com.vaadin.flow.component.Component component) {
        return ShownText.of(component);
    }

    private static String textOf(com.vaadin.browserless.ComponentQuery<Div> query) {
        return textOf(query.single());
    }

    /** What the browser sends when the button is clicked, or pressed with Enter or Space. */
    private static void press(PlainButton button) {
        com.vaadin.flow.component.ComponentUtil.fireEvent(button, new PlainButton.Pressed(button, true));
    }
}
