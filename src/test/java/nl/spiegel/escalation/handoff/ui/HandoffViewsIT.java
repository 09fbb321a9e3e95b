package nl.spiegel.escalation.handoff.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinSession;

import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.escalation.SafetyContext;
import nl.spiegel.escalation.ui.SafetyPanels;
import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.dialogue.SessionId;
import nl.spiegel.escalation.handoff.Author;
import nl.spiegel.escalation.handoff.Escalation;
import nl.spiegel.escalation.handoff.HandoffMessage;
import nl.spiegel.escalation.handoff.HandoffService;
import nl.spiegel.escalation.handoff.RiskyDialogues;
import nl.spiegel.escalation.handoff.SharedAlerts;
import nl.spiegel.escalation.ui.SafetyPlanView;
import nl.spiegel.identity.CurrentVisitor;
import nl.spiegel.identity.Role;
import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.Visitor;
import nl.spiegel.identity.internal.AccountUserDetails;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.risk.RiskLevel;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;

/**
 * Both sides of the live handoff without a browser, through the real services: the person's choice to share what
 * raised the alert, what the therapist then sees (or not), the closing words in the conversation, and a reload after
 * the close.
 */
@SpiegelIntegrationTest
class HandoffViewsIT extends SpringBrowserlessTest {

    private static final String RISKY_WORDS = "ik heb de pillen al klaarliggen voor vanavond";

    @Autowired
    SafetyPanels panels;
    @Autowired
    CurrentVisitor currentVisitor;
    @Autowired
    DialogueService dialogues;
    @Autowired
    HandoffService handoffs;
    @Autowired
    SharedAlerts sharing;
    @Autowired
    StaffDirectory staff;
    @Autowired
    JdbcClient jdbc;

    private StaffMember therapist;
    private Visitor person;

    @BeforeEach
    void dutchWithATherapistOnDuty() {
        VaadinSession.getCurrent().setLocale(SpiegelI18NProvider.DUTCH);
        UI.getCurrent().setLocale(SpiegelI18NProvider.DUTCH);
        navigate(SafetyPlanView.class);
        // an organisation of its own, so nobody else's requests or duty get in the way
        OrganisationId organisation = new OrganisationId(UUID.randomUUID());
        jdbc.sql("INSERT INTO organisations (id, slug, name, created_at) VALUES (?, ?, ?, UTC_TIMESTAMP(6))")
                .params(organisation.toString(), "org-" + organisation.toString().substring(0, 8), "Praktijk")
                .update();
        jdbc.sql("UPDATE users SET organisation_id = ? WHERE id = ?")
                .params(organisation.toString(), currentVisitor.get().userId().toString()).update();
        VaadinSession.getCurrent().setAttribute(Visitor.class.getName(), null);
        // kept: once the therapist logs in on this test's session, the current visitor is someone else
        person = currentVisitor.get();
        therapist = staff.create("therapeut-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org",
                "een-lang-test-wachtwoord", "Therapeut Sanne", Role.THERAPIST, organisation);
        handoffs.setOnDuty(therapist.userId(), true);
    }

    @AfterEach
    void offDuty() {
        handoffs.setOnDuty(therapist.userId(), false);
        SecurityContextHolder.clearContext();
    }

    @Test
    void askingForAPersonSharesWhatRaisedTheAlertByDefaultAndOneTapTakesItBack() {
        showPanel(riskyDialogue());

        click("talk-to-human");

        Checkbox share = find(Checkbox.class).withId("handoff-share").single();
        assertThat(share.isVisible()).isTrue();
        assertThat(share.getValue()).as("yes unless the person says no").isTrue();
        assertThat(share.getLabel()).isEqualTo(
                "Mijn hulpverlener mag lezen wat ik schreef en wat ik antwoordde op de vragen");
        assertThat(share.getHelperText()).contains("Haal het vinkje weg");
        assertThat(storedShareAlert()).isTrue();

        test(share).click();

        assertThat(share.getValue()).isFalse();
        assertThat(storedShareAlert()).as("the choice is stored with the request").isFalse();
    }

    @Test
    void withConsentTheTherapistSeesTheMessageAndTheAnswersAndEachReadIsAudited() {
        Escalation escalation = acceptedRequest(true);

        openWorkspace();

        Div shared = find(Div.class).withId("therapist-shared").single();
        assertThat(find(Paragraph.class, shared).withId("therapist-shared-message").single().getText())
                .contains(RISKY_WORDS);
        assertThat(auditedReads(escalation)).isEqualTo(1);

        sharing.choose(person, escalation.id(), false);
        openWorkspace();

        assertThat(text(find(Div.class).withId("therapist-shared").single())).doesNotContain(RISKY_WORDS)
                .contains("deelt het bericht en de antwoorden niet");
        assertThat(auditedReads(escalation)).as("nothing read without consent").isEqualTo(1);
    }

    @Test
    void withoutConsentTheTherapistSeesOnlyTheKindOfRiskInWords() {
        acceptedRequest(false);

        openWorkspace();

        Div chat = find(Div.class).withId("therapist-chat").single();
        assertThat(text(chat)).doesNotContain(RISKY_WORDS).contains("deelt het bericht en de antwoorden niet")
                .contains("Waarom: ");
        assertThat(find(Paragraph.class).withId("therapist-shared-message").exists()).isFalse();
    }

    @Test
    void closingLeavesTheClosingWordsWithTheContactsAsTheTherapistsLastMessage() {
        Escalation escalation = acceptedRequest(true);
        openWorkspace();

        test(find(TextArea.class).withId("handoff-outcome").single()).setValue("Morgen huisarts gebeld.");
        click("handoff-close");
        click("handoff-close-confirm");

        List<HandoffMessage> conversation = handoffs.conversation(person, escalation.id());
        assertThat(conversation.getLast().author()).isEqualTo(Author.THERAPIST);
        assertThat(conversation.getLast().text()).startsWith("Ik sluit ons gesprek nu af.").contains("113")
                .contains("0800-0113").contains("112");
    }

    @Test
    void aReloadAfterTheClosedConversationShowsTheCalmEndNotNewQuestions() {
        SessionId session = riskyDialogue();
        Escalation escalation = handoffs.request(person, session, RiskLevel.CRISIS,
                List.of("nl.crisis.explicit-wish"), true);
        handoffs.accept(therapist.userId(), escalation.id());
        handoffs.close(therapist.userId(), escalation.id(), "Afgesloten.", "Ik sluit ons gesprek nu af. Bel 113.");
        long screeningsBefore = screenings();

        showPanel(session);

        assertThat(find(H2.class).withId("handoff-status").single().getText()).isEqualTo("Het gesprek is afgesloten");
        assertThat(text(find(Div.class).withId("handoff-log").single())).contains("Ik sluit ons gesprek nu af.");
        assertThat(find(RouterLink.class).withId("handoff-safety-plan").exists()).isTrue();
        assertThat(find(Paragraph.class).withId("screen-question").exists()).as("no fresh screening").isFalse();
        assertThat(find(Button.class).withId("talk-to-human").exists()).isFalse();
        assertThat(screenings()).isEqualTo(screeningsBefore);
    }

    @Test
    void aNewRequestLightsUpTheWorkspaceAndTheSoundIsOffUntilSwitchedOn() {
        openWorkspace();
        assertThat(find(Span.class).withId("therapist-new-requests").exists()).as("nothing waits").isFalse();
        assertThat(find(Checkbox.class).withId("therapist-sound").single().getValue()).isFalse();

        handoffs.request(person, riskyDialogue(), RiskLevel.CRISIS, List.of("nl.crisis.explicit-wish"),
                true);
        // arrives by push, on the page that is open
        roundTrip();

        assertThat(find(Span.class).withId("therapist-announce").single().getText())
                .startsWith("Nieuw verzoek om nu te praten (")
                .endsWith("niveau Crisis. Het staat bij Wachtende verzoeken.");

        Span badge = find(Span.class).withId("therapist-new-requests").single();
        assertThat(badge.isVisible()).isTrue();
        assertThat(badge.getText()).isEqualTo("1 verzoek wacht");
        assertThat(find(Div.class).withId("handoff-queue").single().hasClassName("sp-therapist-queue-waiting"))
                .isTrue();
        assertThat(find(Span.class).withId("therapist-announce").single().getElement().getAttribute("aria-live"))
                .isEqualTo("assertive");
        assertThat(text(find(UnorderedList.class, find(Div.class).withId("handoff-queue").single()).single()))
                .doesNotContain(RISKY_WORDS);
    }

    private Escalation acceptedRequest(boolean share) {
        Escalation escalation = handoffs.request(person, riskyDialogue(), RiskLevel.CRISIS,
                List.of("nl.crisis.explicit-wish"), share);
        return handoffs.accept(therapist.userId(), escalation.id());
    }

    private void openWorkspace() {
        AccountUserDetails principal = new AccountUserDetails(therapist.userId(), therapist.organisationId(),
                therapist.role(), therapist.displayName(), "someone@example.org", null);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken
                .authenticated(principal, null, principal.getAuthorities()));
        navigate(SafetyPlanView.class);
        navigate(TherapistWorkspaceView.class);
    }

    private void showPanel(SessionId session) {
        SafetyContext context = new SafetyContext(person, session,
                RiskLevel.CRISIS, List.of("nl.crisis.explicit-wish"));
        UI.getCurrent().add(panels.create(context, () -> { }, () -> { }));
    }

    private SessionId riskyDialogue() {
        return RiskyDialogues.paused(dialogues, person, "Ik wil niet meer leven, " + RISKY_WORDS + ".");
    }

    private boolean storedShareAlert() {
        return jdbc.sql("SELECT share_alert FROM escalations WHERE user_id = ? ORDER BY requested_at DESC LIMIT 1")
                .param(person.userId().toString()).query(Boolean.class).single();
    }

    private long auditedReads(Escalation escalation) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM audit_events
                WHERE record_type = 'HANDOFF_ALERT' AND record_id = ? AND action = 'VIEW'""")
                .param(escalation.id().toString()).query(Long.class).single();
    }

    private long screenings() {
        return jdbc.sql("SELECT COUNT(*) FROM screenings WHERE user_id = ?")
                .param(person.userId().toString()).query(Long.class).single();
    }

    private void click(String id) {
        test(find(Button.class).withId(id).single()).click();
    }

    private static String text(com.vaadin.flow.component.Component component) {
        return component.getElement().getTextRecursively();
    }
}
