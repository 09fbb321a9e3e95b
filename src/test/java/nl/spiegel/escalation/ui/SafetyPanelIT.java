package nl.spiegel.escalation.ui;

import static org.assertj.core.api.Assertions.assertThat;
import nl.spiegel.shared.ui.PlainButton;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.escalation.CrisisContacts;
import nl.spiegel.escalation.SafetyContext;
import nl.spiegel.escalation.handoff.HandoffService;
import nl.spiegel.escalation.ScreeningService;
import nl.spiegel.escalation.handoff.HandoffService;
import nl.spiegel.identity.CurrentVisitor;
import nl.spiegel.identity.Role;
import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.identity.Visitor;
import nl.spiegel.risk.RiskLevel;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;

/** The safety panel, the help dialog and the safety plan page, walked through the real services without a browser. */
@SpiegelIntegrationTest
class SafetyPanelIT extends SpringBrowserlessTest {

    private static final String RULE = "crisis.test-rule-id";

    @Autowired
    SafetyPanels panels;
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
    StaffDirectory staff;
    @Autowired
    HandoffService handoffs;
    @Autowired
    HumanHandoff liveHandoff;

    /** A way to a person that cannot be started, as when the handoff's database is away. */
    private static final HumanHandoff UNREACHABLE = (context, live) -> {
        throw new IllegalStateException("nobody can be reached in this test");
    };

    private final AtomicInteger continued = new AtomicInteger();
    private final AtomicInteger ended = new AtomicInteger();

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
        SafetyContext context = new SafetyContext(visitor,
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
    void whenNobodyCanBeReachedThePersonButtonSaysHonestlyThatNobodyIsAvailable() {
        showDirect(RiskLevel.CRISIS, UNREACHABLE);

        click("talk-to-human");

        Div area = find(Div.class).withId("safety-handoff").single();
        assertThat(text(area)).contains("niemand van Spiegel beschikbaar");
        assertThat(hrefs(area)).contains("tel:113");
    }

    @Test
    void somebodyWhoAskedForAPersonTooOftenStillGetsEveryCrisisContact() {
        Visitor visitor = currentVisitor.get();
        for (int i = 0; i < 3; i++) {
            handoffs.request(visitor, dialogues.startNew(visitor, "kennismaking").id(), RiskLevel.CRISIS,
                    List.of(RULE));
            handoffs.expireUnanswered(Instant.now().plus(Duration.ofDays(1)));
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
        HumanHandoff handoff = (context, live) -> {
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
        assertThat(dutch).isInstanceOf(HelpDialog.class);
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
        return show(level, RULE);
    }

    private Component show(RiskLevel level, String... ruleIds) {
        Visitor visitor = currentVisitor.get();
        SafetyContext context = new SafetyContext(visitor,
                dialogues.startNew(visitor, "kennismaking").id(), level, List.of(ruleIds));
        Component panel = panels.create(context, continued::incrementAndGet, ended::incrementAndGet);
        UI.getCurrent().add(panel);
        return panel;
    }

    private void showDirect(RiskLevel level, HumanHandoff handoff) {
        showDirect(level, handoff, RULE);
    }

    private void showDirect(RiskLevel level, HumanHandoff handoff, String... ruleIds) {
        Visitor visitor = currentVisitor.get();
        SafetyContext context = new SafetyContext(visitor,
                dialogues.startNew(visitor, "kennismaking").id(), level, List.of(ruleIds));
        UI.getCurrent().add(new SafetyPanel(context, new SafetyPanel.Actions(continued::incrementAndGet,
                ended::incrementAndGet), contacts.forOrganisation(visitor.organisationId(), SpiegelI18NProvider.DUTCH),
                screenings, handoff, "/privacy"));
    }

    // ---- flows per kind of risk ----

    @Test
    void selfHarmAsksAboutTheWoundFirstThenTheGpAndNoQuestionsAboutSuicide() {
        Component panel = show(RiskLevel.CRISIS, "nl.crisis.selfharm-now");

        assertThat(panel.getElement().getAttribute("data-flow")).isEqualTo("self-harm");
        assertThat(text(find(Paragraph.class).withId("flow-question").single())).contains("is de wond ernstig");
        assertThat(find(UnorderedList.class).withId("safety-contacts").exists()).as("the wound comes first").isFalse();
        click("flow-calm");

        assertThat(text(find(Paragraph.class).withId("flow-advice").single())).contains("Spoel de wond", "huisarts");
        assertThat(contactNames()).startsWith("Huisarts of huisartsenpost", "113 Zelfmoordpreventie");
        assertThat(find(Paragraph.class).withId("screen-question").exists()).as("no suicidal signs").isFalse();
        assertThat(closing().getElement().getAttribute("data-outcome")).isEqualTo("self-harm");
        assertThat(ended).as("the dialogue ends gently").hasValue(1);
        assertThat(find(Button.class).withId("continue-dialogue").exists()).isFalse();
    }

    @Test
    void aSeriousWoundGets112FirstAndSuicidalSignsThenGetTheQuestionsWithoutRepeatingWhatWasSaid() {
        show(RiskLevel.CRISIS, "nl.crisis.selfharm-now", "nl.concern.passive-wish");
        click("flow-urgent");

        assertThat(text(find(Paragraph.class).withId("flow-advice").single())).contains("Bel nu 112");
        assertThat(contactNames().getFirst()).isEqualTo("112");
        assertThat(question()).as("the wish was said already").isEqualTo("q2");
        assertThat(text(find(Paragraph.class).withId("screen-intro").single())).contains("niet meer wilt zijn");
        assertThat(ended).hasValue(0);
    }

    @Test
    void abuseAsksWhetherThePersonIsSafeOffersAQuickExitAndPutsVeiligThuisFirst() {
        Component panel = show(RiskLevel.CONCERN, "nl.concern.abuse-past");

        assertThat(panel.getElement().getAttribute("data-flow")).isEqualTo("abuse");
        assertThat(find(Button.class).withId("quick-exit").single().getText()).isEqualTo("Snel weg");
        assertThat(text(find(Paragraph.class).withId("flow-question").single())).contains("Ben je nu veilig?");
        assertThat(text(panel)).doesNotContain("Zelfmoordpreventie", "zelfdoding");
        assertThat(find(Paragraph.class).withId("screen-question").exists()).isFalse();

        click("flow-calm");

        assertThat(contactNames()).startsWith("Veilig Thuis", "112");
        assertThat(closing().getElement().getAttribute("data-outcome")).isEqualTo("abuse");
        assertThat(text(closing())).contains("niet jouw schuld");
    }

    @Test
    void abuseWhenNotSafeGets112First() {
        show(RiskLevel.CRISIS, "nl.crisis.danger-now");
        click("flow-urgent");

        assertThat(contactNames()).startsWith("112", "Veilig Thuis");
        assertThat(text(find(Paragraph.class).withId("flow-advice").single())).contains("Bel nu 112");
    }

    @Test
    void aMedicalEmergencyShows112FirstAndNothingInBetween() {
        Component panel = show(RiskLevel.CRISIS, "nl.crisis.medical");

        assertThat(find(H2.class).withId("safety-title").single().getText()).isEqualTo("Bel nu 112");
        assertThat(contactNames().getFirst()).isEqualTo("112");
        assertThat(find(Button.class).withId("flow-calm").exists()).as("no question before 112").isFalse();
        assertThat(find(Paragraph.class).withId("screen-question").exists()).isFalse();
        assertThat(panel.getElement().getAttribute("data-flow")).isEqualTo("medical");
    }

    @Test
    void harmToOthersAndVoicesGetTheirOwnCalmQuestionAndContacts() {
        show(RiskLevel.CONCERN, "nl.concern.intrusive-harm");
        assertThat(text(find(Paragraph.class).withId("flow-question").single())).contains("hier oordeelt niemand");
        click("flow-calm");
        assertThat(contactNames()).startsWith("Huisarts of huisartsenpost", "113 Zelfmoordpreventie");

        UI.getCurrent().removeAll();
        show(RiskLevel.CRISIS, "nl.crisis.command-voices");
        assertThat(text(find(Paragraph.class).withId("flow-question").single())).contains("stemmen");
        click("flow-urgent");
        assertThat(contactNames().getFirst()).isEqualTo("112");
    }

    @Test
    void anAmbiguousSignalGetsOneGentleQuestionAndNeverTheScreener() {
        Component panel = show(RiskLevel.CONCERN, "model.concern");

        assertThat(panel.getElement().getAttribute("data-flow")).isEqualTo("check-in");
        assertThat(text(find(Paragraph.class).withId("checkin-question").single()))
                .startsWith("Ik wil even bij je checken");
        assertThat(find(Paragraph.class).withId("screen-question").exists()).isFalse();
        assertThat(find(UnorderedList.class).withId("safety-contacts").exists()).isFalse();
        assertThat(screeningCount()).isZero();

        click("checkin-ok");

        assertThat(continued).hasValue(1);
        assertThat(find(Paragraph.class).withId("screen-question").exists()).isFalse();
        assertThat(screeningCount()).isZero();
    }

    @Test
    void anAmbiguousSignalLeadsToTheFullFlowOrToAPersonWhenThePersonSaysSo() {
        show(RiskLevel.CONCERN, "model.concern");
        click("checkin-not-ok");
        assertThat(question()).isEqualTo("q1");

        UI.getCurrent().removeAll();
        showDirect(RiskLevel.CONCERN, UNREACHABLE, "model.concern");
        click("checkin-talk");
        assertThat(text(find(Div.class).withId("safety-handoff").single())).contains("niemand van Spiegel beschikbaar");
        assertThat(find(Paragraph.class).withId("screen-question").exists()).isFalse();
    }

    @Test
    void anExplicitWishIsNotAskedAgain() {
        Component panel = show(RiskLevel.CRISIS, "nl.crisis.explicit-wish");

        assertThat(question()).isEqualTo("q2");
        assertThat(text(find(Paragraph.class).withId("screen-question").single()))
                .isEqualTo("Denk je er dan ook echt aan om een einde aan je leven te maken?");
        assertThat(text(find(Paragraph.class).withId("screen-intro").single())).startsWith("Je vertelde al");
        assertThat(text(panel)).doesNotContain("gewenst dat je dood was");
    }

    @Test
    void aPositiveScreenClosesGentlyWithoutGoingBackToTheDialogueAndALowResultOffersAPersonQuietly() {
        show(RiskLevel.CONCERN);
        click("screen-yes");
        click("screen-no");
        click("screen-no");

        Div closing = closing();
        assertThat(closing.getElement().getAttribute("data-outcome")).isEqualTo("low");
        assertThat(find(Button.class).withId("continue-dialogue").exists()).isFalse();
        assertThat(find(Paragraph.class).withId("safety-grounding").exists()).isTrue();
        assertThat(find(Paragraph.class).withId("safety-next").exists()).isTrue();
        assertThat(find(Button.class).withId("closing-human").single().getThemeNames()).contains("tertiary");
        assertThat(ended).hasValue(1);
    }

    @Test
    void aModerateResultOffersAPersonProminentlyAndTheSafetyPlanOnce() {
        show(RiskLevel.CONCERN);
        for (String answer : List.of("screen-yes", "screen-yes", "screen-yes", "screen-no", "screen-no",
                "screen-no")) {
            click(answer);
        }

        Div closing = closing();
        assertThat(closing.getElement().getAttribute("data-outcome")).isEqualTo("moderate");
        assertThat(find(Button.class).withId("closing-human").single().getThemeNames()).contains("primary");
        assertThat(text(closing)).doesNotContain("therapeut");
        assertThat(text(find(Div.class).withId("safety-panel").single()).split("veiligheidsplan helpt", -1))
                .as("the safety plan is offered once").hasSize(2);

        click("closing-human");
        assertThat(find(Div.class).withId("closing-handoff").single().getChildren()).isNotEmpty();
    }

    // ---- the help button and a person ----

    @Test
    void theHelpButtonSaysAtOnceThatNobodyIsOnDutyAndOffersTheCallBackForm() {
        moveVisitorTo(freshOrganisation());
        Dialog help = openHelp();

        Div person = find(Div.class, help).withId("help-human").single();
        assertThat(person.getElement().getAttribute("data-on-duty")).isEqualTo("false");
        assertThat(text(find(Paragraph.class, help).withId("help-nobody").single()))
                .startsWith("Eerlijk gezegd: er is nu niemand van ons team online");
        assertThat(find(Button.class, help).withId("help-talk").exists()).isFalse();

        test(find(TextArea.class, help).withId("handoff-contact").single()).setValue("06-12345678, na 18 uur");
        test(find(Button.class, help).withId("handoff-contact-send").single()).click();

        assertThat(find(Paragraph.class, help).withId("handoff-contact-done").single().isVisible()).isTrue();
        Map<String, Object> row = jdbc.sql("SELECT status, contact_left_at FROM escalations WHERE user_id = ?")
                .param(currentVisitor.get().userId().toString()).query().singleRow();
        assertThat(row.get("status")).as("nobody to wait for").isEqualTo("TIMED_OUT");
        assertThat(row.get("contact_left_at")).isNotNull();
    }

    @Test
    void theHelpButtonOffersAPersonWhenSomeoneOfTheOrganisationIsOnDuty() {
        OrganisationId organisation = freshOrganisation();
        moveVisitorTo(organisation);
        StaffMember therapist = staff.create("therapeut-" + UUID.randomUUID().toString().substring(0, 8)
                + "@example.org", "een-lang-test-wachtwoord", "Therapeut Hulp", Role.THERAPIST, organisation);
        handoffs.setOnDuty(therapist.userId(), true);
        try {
            Dialog help = openHelp();
            assertThat(find(Div.class, help).withId("help-human").single().getElement().getAttribute("data-on-duty"))
                    .isEqualTo("true");
            assertThat(find(Paragraph.class, help).withId("help-nobody").exists()).isFalse();

            test(find(Button.class, help).withId("help-talk").single()).click();

            assertThat(find(H2.class, help).withId("handoff-status").single().getText())
                    .isEqualTo("We zoeken iemand voor je");
        } finally {
            handoffs.setOnDuty(therapist.userId(), false);
        }
    }

    @Test
    void aRequestForAPersonWithNobodyOnDutyIsAnsweredHonestlyAtOnce() {
        moveVisitorTo(freshOrganisation());
        show(RiskLevel.CRISIS, "nl.crisis.explicit-wish");

        click("talk-to-human");

        assertThat(find(H2.class).withId("handoff-status").single().getText())
                .isEqualTo("Het is nu niet gelukt om iemand te vinden");
        assertThat(find(TextArea.class).withId("handoff-contact").single().isVisible()).isTrue();
    }

    private OrganisationId freshOrganisation() {
        OrganisationId id = new OrganisationId(UUID.randomUUID());
        jdbc.sql("INSERT INTO organisations (id, slug, name, created_at) VALUES (?, ?, ?, UTC_TIMESTAMP(6))")
                .params(id.toString(), "org-" + id.toString().substring(0, 8), "Praktijk zonder dienst").update();
        return id;
    }

    private void moveVisitorTo(OrganisationId organisation) {
        jdbc.sql("UPDATE users SET organisation_id = ? WHERE id = ?")
                .params(organisation.toString(), currentVisitor.get().userId().toString()).update();
        // the visitor is cached in the session; read it again
        VaadinSession.getCurrent().setAttribute(Visitor.class.getName(), null);
        assertThat(currentVisitor.get().organisationId()).isEqualTo(organisation);
    }

    private List<String> contactNames() {
        return find(com.vaadin.flow.component.html.H3.class, find(UnorderedList.class).withId("safety-contacts")
                .single()).all().stream().map(com.vaadin.flow.component.html.H3::getText).toList();
    }

    private Div closing() {
        return find(Div.class).withId("safety-outcome").withAttribute("data-closing", "true").single();
    }

    private long screeningCount() {
        return jdbc.sql("SELECT COUNT(*) FROM screenings WHERE user_id = ?")
                .param(currentVisitor.get().userId().toString()).query(Long.class).single();
    }

    private Dialog openHelp() {
        press(find(PlainButton.class).withId("help-button").single());
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

    /** What the browser sends when the button is clicked, or pressed with Enter or Space. */
    private static void press(PlainButton button) {
        com.vaadin.flow.component.ComponentUtil.fireEvent(button, new PlainButton.Pressed(button, true));
    }
}
