package nl.spiegel.escalation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinSession;

import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.dialogue.ChatSafetyPanel;
import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.escalation.CrisisContacts;
import nl.spiegel.escalation.HumanHandoff;
import nl.spiegel.escalation.handoff.HandoffService;
import nl.spiegel.escalation.ScreeningService;
import nl.spiegel.identity.CurrentVisitor;
import nl.spiegel.identity.Visitor;
import nl.spiegel.risk.RiskLevel;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;
import nl.spiegel.shared.ui.CrisisDialog;

/** The safety panel, the help dialog and the safety plan page, walked through the real services without a browser. */
@SpiegelIntegrationTest
class SafetyPanelIT extends SpringBrowserlessTest {

    private static final String RULE = "crisis.test-rule-id";

    @Autowired
    ChatSafetyPanel panels;
    @Autowired
    CurrentVisitor currentVisitor;
    @Autowired
    DialogueService dialogues;
    @Autowired
    CrisisContacts contacts;
    @Autowired
    ScreeningService screenings;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    HumanHandoff liveHandoff;
    @Autowired
    HandoffService handoffService;

    private final AtomicInteger continued = new AtomicInteger();

    @BeforeEach
    void dutch() {
        VaadinSession.getCurrent().setLocale(SpiegelI18NProvider.DUTCH);
        UI.getCurrent().setLocale(SpiegelI18NProvider.DUTCH);
        // the test UI already shows a page built before the locale was set: navigate so it is rebuilt
        navigate(SafetyPlanView.class);
    }

    @Test
    void aCrisisShowsTheContactsAndTheWayToAPersonAtOnce() {
        Component panel = show(RiskLevel.CRISIS);

        assertThat(panel.getId()).contains("safety-panel");
        assertThat(panel.getElement().getAttribute("role")).isEqualTo("region");
        assertThat(panel.getElement().getAttribute("aria-label")).isEqualTo("Hulp en veiligheid");
        assertThat(find(Div.class).withId("safety-screen").single().getElement().getAttribute("aria-live"))
                .isEqualTo("polite");
        UnorderedList list = find(UnorderedList.class).withId("safety-contacts").single();
        assertThat(hrefs(list)).contains("tel:113", "tel:08000113", "tel:112", "tel:08002000");
        assertThat(text(list)).contains("113 Zelfmoordpreventie", "0800-0113", "Veilig Thuis");
        assertThat(find(Button.class).withId("talk-to-human").single().getText()).isEqualTo("Praat nu met een mens");
        assertThat(question()).isEqualTo("q1");
        assertThat(text(panel)).contains("Heb je de afgelopen maand gewenst dat je dood was?")
                .doesNotContain(RULE);
    }

    @Test
    void yesToTheFirstFourQuestionsGradesHighAndShowsTheUrgentOutcome() {
        show(RiskLevel.CRISIS);

        for (String expected : List.of("q1", "q2", "q3", "q4")) {
            assertThat(question()).isEqualTo(expected);
            click("screen-yes");
        }

        Div outcome = find(Div.class).withId("safety-outcome").single();
        assertThat(outcome.getElement().getAttribute("data-outcome")).isEqualTo("high");
        assertThat(text(outcome)).contains("Bel of chat nu met 113", "Bel 112");
        assertThat(find(Button.class).withId("screen-yes").exists()).as("no more questions").isFalse();
        assertThat(find(UnorderedList.class).withId("safety-contacts").exists()).isTrue();
        assertThat(find(Button.class).withId("talk-to-human").exists()).isTrue();
        assertThat(latestScreening()).containsEntry("grade", "HIGH").containsEntry("trigger_level", "CRISIS");
    }

    @Test
    void aConcernChecksInFirstAndAYesToIntentTurnsItIntoACrisis() {
        show(RiskLevel.CONCERN);

        assertThat(text(find(Paragraph.class).withId("safety-checkin").single())).contains("klinkt zwaar");
        assertThat(find(H2.class).withId("safety-title").single().getText()).isEqualTo("Even stilstaan");
        assertThat(find(UnorderedList.class).withId("safety-contacts").exists()).isFalse();
        assertThat(find(Button.class).withId("talk-to-human").exists()).isFalse();
        assertThat(hrefs(find(Div.class).withId("safety-contact-line").single()))
                .as("113 stays in view next to questions about suicide").contains("tel:113");

        click("screen-yes");
        click("screen-yes");
        click("screen-no");
        assertThat(find(UnorderedList.class).withId("safety-contacts").exists()).isFalse();
        assertThat(question()).isEqualTo("q4");
        click("screen-yes");

        assertThat(hrefs(find(UnorderedList.class).withId("safety-contacts").single())).contains("tel:113", "tel:112");
        assertThat(find(Button.class).withId("talk-to-human").exists()).isTrue();
        assertThat(find(H2.class).withId("safety-title").single().getText()).isEqualTo("Je staat er niet alleen voor");
        assertThat(find(Div.class).withId("safety-outcome").single().getElement().getAttribute("data-outcome"))
                .isEqualTo("high");
    }

    @Test
    void youMisunderstoodMeIsRecordedAndTheContactsStay() {
        show(RiskLevel.CRISIS);
        click("screen-no");

        click("screen-dismiss");

        assertThat(text(find(Div.class).withId("safety-outcome").single())).contains("Sorry als ik je verkeerd begreep");
        assertThat(hrefs(find(UnorderedList.class).withId("safety-contacts").single())).contains("tel:113");
        assertThat(find(Button.class).withId("screen-yes").exists()).isFalse();
        Map<String, Object> row = latestScreening();
        assertThat(row.get("dismissed")).isEqualTo(true);
        assertThat(row.get("finished_at")).isNotNull();
    }

    @Test
    void allNoAfterAConcernEndsGentlyAndContinueGoesOnWithTheDialogue() {
        show(RiskLevel.CONCERN);
        click("screen-no");
        click("screen-no");
        assertThat(question()).isEqualTo("q6");
        click("screen-no");

        Div outcome = find(Div.class).withId("safety-outcome").single();
        assertThat(outcome.getElement().getAttribute("data-outcome")).isEqualTo("none");
        assertThat(hrefs(find(Div.class).withId("safety-contact-line").single())).contains("tel:113");
        assertThat(find(RouterLink.class).withId("safety-plan-link").single().getHref()).isEqualTo("safety-plan");
        assertThat(continued).hasValue(0);

        click("continue-dialogue");

        assertThat(continued).hasValue(1);
        assertThat(find(Div.class).withId("safety-panel").exists()).as("the help stays in the conversation").isTrue();
        assertThat(latestScreening()).containsEntry("grade", "NONE");
    }

    @Test
    void aCrisisEndingInAllNoStillShowsTheContacts() {
        show(RiskLevel.CRISIS);
        click("screen-no");
        click("screen-no");
        click("screen-no");

        assertThat(find(Div.class).withId("safety-outcome").single().getElement().getAttribute("data-outcome"))
                .isEqualTo("none");
        assertThat(hrefs(find(UnorderedList.class).withId("safety-contacts").single())).contains("tel:113", "tel:112");
        assertThat(find(Button.class).withId("talk-to-human").exists()).isTrue();
    }

    @Test
    void whenTheScreeningCannotBeStoredAConcernStillGetsAllContactsAndCanGoOn() {
        Visitor visitor = currentVisitor.get();
        // a session that is not in the database: storing the screening fails on its foreign key
        ChatSafetyPanel.SafetyContext context = new ChatSafetyPanel.SafetyContext(visitor,
                nl.spiegel.dialogue.SessionId.random(), RiskLevel.CONCERN, List.of(RULE));
        UI.getCurrent().add(panels.create(context, continued::incrementAndGet));

        assertThat(hrefs(find(UnorderedList.class).withId("safety-contacts").single())).contains("tel:113", "tel:112");
        assertThat(find(Button.class).withId("screen-yes").exists()).isFalse();
        assertThat(find(Div.class).withId("safety-outcome").single().getElement().getAttribute("data-outcome"))
                .isEqualTo("unavailable");
        click("continue-dialogue");
        assertThat(continued).hasValue(1);
    }

    @Test
    void withoutAHandoffThePersonButtonSaysHonestlyThatNobodyIsAvailable() {
        showDirect(RiskLevel.CRISIS, null);

        click("talk-to-human");

        Div area = find(Div.class).withId("safety-handoff").single();
        assertThat(text(area)).contains("niemand van Spiegel beschikbaar");
        assertThat(hrefs(area)).contains("tel:113");
    }

    @Test
    void somebodyWhoAskedForAPersonTooOftenStillGetsEveryCrisisContact() {
        Visitor visitor = currentVisitor.get();
        for (int i = 0; i < 3; i++) {
            handoffService.request(visitor, dialogues.startNew(visitor, "kennismaking").id(), RiskLevel.CRISIS,
                    List.of(RULE));
            handoffService.expireUnanswered(Instant.now().plus(Duration.ofDays(1)));
        }
        showDirect(RiskLevel.CRISIS, liveHandoff);

        click("talk-to-human");

        Div area = find(Div.class).withId("safety-handoff").single();
        assertThat(text(find(H2.class, area).withId("handoff-status").single()))
                .isEqualTo("Je hebt net al een paar keer om iemand gevraagd");
        assertThat(hrefs(area)).contains("tel:113", "tel:08000113", "tel:112");
        assertThat(find(Button.class).withId("handoff-retry").exists()).as("no button that is refused again").isFalse();
    }

    @Test
    void withAHandoffThePersonButtonShowsWhatTheHandoffGives() {
        HumanHandoff handoff = context -> {
            Div waiting = new Div();
            waiting.setId("fake-handoff");
            waiting.setText("Even geduld, " + context.level().code());
            return waiting;
        };
        showDirect(RiskLevel.CRISIS, handoff);

        click("talk-to-human");

        assertThat(find(Div.class).withId("fake-handoff").single().getText()).isEqualTo("Even geduld, crisis");
        assertThat(find(Button.class).withId("talk-to-human").exists()).as("asked once, not twice").isFalse();
    }

    @Test
    void theHelpButtonOpensTheOrganisationsContactsInDutchAndInEnglish() {
        Dialog dutch = openHelp();
        assertThat(dutch).isNotInstanceOf(CrisisDialog.class);
        assertThat(hrefs(dutch)).contains("tel:113", "tel:08000113", "tel:112", "tel:08002000");
        assertThat(text(dutch)).contains("113 Zelfmoordpreventie", "Dag en nacht");
        assertThat(find(RouterLink.class, dutch).withId("help-safety-plan").exists()).isTrue();
        test(find(Button.class).withId("crisis-close").single()).click();
        roundTrip();
        assertThat(dutch.isOpened()).isFalse();

        VaadinSession.getCurrent().setLocale(SpiegelI18NProvider.ENGLISH);
        UI.getCurrent().setLocale(SpiegelI18NProvider.ENGLISH);
        navigate(SafetyPlanView.class);
        Dialog english = openHelp();
        assertThat(hrefs(english)).contains("tel:113", "tel:08000113", "tel:112", "tel:08002000");
        assertThat(text(english)).contains("113 Suicide Prevention", "Day and night");
    }

    @Test
    void theSafetyPlanIsSavedAndComesBackInTheSameWords() {
        navigate(SafetyPlanView.class);
        assertThat(text(find(Paragraph.class).withId("plan-not-a-contract").single()))
                .contains("geen belofte en geen contract");
        TextArea signs = find(TextArea.class).withId("plan-warning-signs").single();
        assertThat(signs.getLabel()).isEqualTo("Mijn waarschuwingssignalen");
        assertThat(signs.getHelperText()).isNotBlank();
        assertThat(find(TextArea.class).withClassName("sp-plan-section").all()).hasSize(7);

        test(signs).setValue("Ik trek me terug en slaap slecht.");
        test(find(TextArea.class).withId("plan-reasons-to-live").single()).setValue("Mijn dochter.");
        test(find(Button.class).withId("plan-save").single()).click();
        assertThat(find(Paragraph.class).withId("plan-status").single().getText())
                .isEqualTo("Je veiligheidsplan is bewaard.");

        navigate(nl.spiegel.dialogue.ui.MyDialoguesView.class);
        navigate(SafetyPlanView.class);
        assertThat(find(TextArea.class).withId("plan-warning-signs").single().getValue())
                .isEqualTo("Ik trek me terug en slaap slecht.");
        assertThat(find(TextArea.class).withId("plan-reasons-to-live").single().getValue()).isEqualTo("Mijn dochter.");
        assertThat(((SafetyPlanView) getCurrentView()).getPageTitle()).startsWith("Mijn veiligheidsplan");
    }

    @Test
    void aFailedSaveKeepsTheTextAndSaysSo() {
        navigate(SafetyPlanView.class);
        TextArea coping = find(TextArea.class).withId("plan-own-coping").single();
        // longer than the service accepts; set on the component, as a tampered client could
        String tooLong = "wandelen ".repeat(300);
        coping.setValue(tooLong);

        test(find(Button.class).withId("plan-save").single()).click();

        Paragraph status = find(Paragraph.class).withId("plan-status").single();
        assertThat(status.getText()).contains("niet bewaard");
        assertThat(status.hasClassName("sp-plan-error")).isTrue();
        assertThat(coping.getValue()).isEqualTo(tooLong);
    }

    private Component show(RiskLevel level) {
        Visitor visitor = currentVisitor.get();
        ChatSafetyPanel.SafetyContext context = new ChatSafetyPanel.SafetyContext(visitor,
                dialogues.startNew(visitor, "kennismaking").id(), level, List.of(RULE));
        Component panel = panels.create(context, continued::incrementAndGet);
        UI.getCurrent().add(panel);
        return panel;
    }

    private void showDirect(RiskLevel level, HumanHandoff handoff) {
        Visitor visitor = currentVisitor.get();
        ChatSafetyPanel.SafetyContext context = new ChatSafetyPanel.SafetyContext(visitor,
                dialogues.startNew(visitor, "kennismaking").id(), level, List.of(RULE));
        UI.getCurrent().add(new SafetyPanel(context, continued::incrementAndGet,
                contacts.forOrganisation(visitor.organisationId(), SpiegelI18NProvider.DUTCH), screenings,
                () -> handoff));
    }

    private Dialog openHelp() {
        test(find(Button.class).withId("help-button").single()).click();
        roundTrip();
        return find(Dialog.class).withId("crisis-dialog").withCondition(Dialog::isOpened).single();
    }

    private String question() {
        return find(Paragraph.class).withId("screen-question").single().getElement().getAttribute("data-question");
    }

    private void click(String id) {
        test(find(Button.class).withId(id).single()).click();
    }

    private Map<String, Object> latestScreening() {
        return jdbc.sql("SELECT * FROM screenings WHERE user_id = ? ORDER BY started_at DESC LIMIT 1")
                .param(currentVisitor.get().userId().toString()).query().singleRow();
    }

    private List<String> hrefs(Component within) {
        return find(Anchor.class, within).all().stream().map(Anchor::getHref).toList();
    }

    private static String text(Component component) {
        return component.getElement().getTextRecursively();
    }
}
