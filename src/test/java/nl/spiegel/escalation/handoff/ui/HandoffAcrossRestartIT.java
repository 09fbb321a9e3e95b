package nl.spiegel.escalation.handoff.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;


import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;

import nl.spiegel.SecondApplication;
import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.escalation.SafetyContext;
import nl.spiegel.escalation.ui.SafetyPanels;
import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.dialogue.SessionId;
import nl.spiegel.escalation.handoff.Author;
import nl.spiegel.escalation.handoff.Escalation;
import nl.spiegel.escalation.handoff.EscalationStatus;
import nl.spiegel.escalation.handoff.HandoffMessage;
import nl.spiegel.escalation.handoff.HandoffService;
import nl.spiegel.escalation.handoff.RiskyDialogues;
import nl.spiegel.escalation.ui.SafetyPlanView;
import nl.spiegel.identity.Role;
import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.Visitor;
import nl.spiegel.identity.VisitorService;
import nl.spiegel.identity.VisitorToken;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.risk.RiskLevel;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;

/**
 * The live handoff across a restart of the application. Before the restart runs as a Spring Boot application of its
 * own against the test database (its own beans, memory and screens), which is then stopped; after the restart is the
 * shared test context, which never saw these requests: everything it knows comes from the database, as for a node
 * that has just started. A restart costs every open screen its state, so the person reloads: a person who was waiting
 * is still waiting (not asked anew, not queued twice) and is told honestly when nobody is online; a therapist who
 * comes back can take the request; a conversation that was live goes on, with what was said before; a request nobody
 * could take while the application was away is told so, with the way to leave a contact.
 */
@SpiegelIntegrationTest
class HandoffAcrossRestartIT extends SpringBrowserlessTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    SafetyPanels panels;
    @Autowired
    DialogueService dialogues;
    @Autowired
    HandoffService handoffs;
    @Autowired
    StaffDirectory staff;
    @Autowired
    VisitorService visitors;
    @Autowired
    JdbcClient jdbc;

    private OrganisationId organisation;
    private StaffMember therapist;

    @BeforeEach
    void anOrganisationOfItsOwn() {
        VaadinSession.getCurrent().setLocale(SpiegelI18NProvider.DUTCH);
        UI.getCurrent().setLocale(SpiegelI18NProvider.DUTCH);
        navigate(SafetyPlanView.class);
        organisation = new OrganisationId(UUID.randomUUID());
        jdbc.sql("INSERT INTO organisations (id, slug, name, created_at) VALUES (?, ?, ?, UTC_TIMESTAMP(6))")
                .params(organisation.toString(), "org-" + organisation.toString().substring(0, 8), "Praktijk")
                .update();
        therapist = staff.create("therapeut-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org",
                "een-lang-test-wachtwoord", "Therapeut Noor", Role.THERAPIST, organisation);
    }

    @Test
    void waitingPeopleStayInTheQueueAndALiveConversationGoesOnAfterARestart() {
        Visitor waiting = person();
        Visitor talking = person();
        Visitor late = person();
        SessionId waitingSession = riskyDialogue(waiting);
        SessionId talkingSession = riskyDialogue(talking);
        SessionId lateSession = riskyDialogue(late);

        // ---- before the restart: its own application, with the therapist on duty there ----
        Escalation waitingRequest;
        Escalation talkingRequest;
        Escalation lateRequest;
        // starting and stopping another application clears this thread's current UI and session: kept and restored
        var screen = com.vaadin.flow.internal.CurrentInstance.getInstances();
        try (ConfigurableApplicationContext before = applicationAgainstTheTestDatabase()) {
            HandoffService handoffsBefore = before.getBean(HandoffService.class);
            handoffsBefore.setOnDuty(therapist.userId(), true);
            waitingRequest = handoffsBefore.request(waiting, waitingSession, RiskLevel.CRISIS, List.of("nl.crisis"),
                    "unknown");
            lateRequest = handoffsBefore.request(late, lateSession, RiskLevel.CRISIS, List.of("nl.crisis"),
                    "unknown");
            talkingRequest = handoffsBefore.request(talking, talkingSession, RiskLevel.CRISIS, List.of("nl.crisis"),
                    "unknown");
            handoffsBefore.accept(therapist.userId(), talkingRequest.id());
            handoffsBefore.sendFromPerson(talking, talkingRequest.id(), "Ik weet het even niet meer.");
            handoffsBefore.sendFromTherapist(therapist.userId(), talkingRequest.id(), "Ik ben er. Vertel maar.");
        } finally {
            com.vaadin.flow.internal.CurrentInstance.restoreInstances(screen);
        }
        assertThat(waitingRequest.status()).isEqualTo(EscalationStatus.REQUESTED);
        // the restart took longer than the on-duty confirmation lasts (a cold start here takes minutes): nobody
        // confirmed the therapist meanwhile
        jdbc.sql("UPDATE therapists_on_duty SET seen_at = seen_at - INTERVAL 2 MINUTE WHERE user_id = ?")
                .param(therapist.userId().toString()).update();

        // ---- after the restart: the person who was waiting reloads ----
        showPanel(waiting, waitingSession);
        assertThat(status()).as("still waiting, not asked anew").isEqualTo("We zoeken iemand voor je");
        assertThat(find(Button.class).withId("talk-to-human").exists()).as("no second request to make").isFalse();
        Paragraph nobody = find(Paragraph.class).withId("handoff-nobody-online").single();
        assertThat(nobody.isVisible()).as("told honestly that nobody is online now").isTrue();
        assertThat(nobody.getText()).startsWith("Eerlijk gezegd: op dit moment is er niemand van ons team online.");
        assertThat(escalationsOf(waiting)).as("queued once").isEqualTo(1);

        // the therapist is back and takes the request; the waiting screen hears it by push
        handoffs.setOnDuty(therapist.userId(), true);
        assertThat(handoffs.openRequests(therapist.userId())).extracting(Escalation::id)
                .contains(waitingRequest.id(), lateRequest.id());
        handoffs.accept(therapist.userId(), waitingRequest.id());
        roundTrip();
        assertThat(status()).isEqualTo("Therapeut Noor is er nu voor je");

        // ---- the live conversation goes on ----
        UI.getCurrent().removeAll();
        showPanel(talking, talkingSession);
        assertThat(status()).isEqualTo("Therapeut Noor is er nu voor je");
        assertThat(find(Div.class).withId("handoff-log").single().getElement().getTextRecursively())
                .contains("Ik weet het even niet meer.").contains("Ik ben er. Vertel maar.");
        assertThat(handoffs.myConversations(therapist.userId())).extracting(Escalation::id)
                .contains(talkingRequest.id());
        test(find(TextField.class).withId("handoff-message").single()).setValue("Dank je, het gaat iets beter.");
        test(find(Button.class).withId("handoff-send").single()).click();
        List<HandoffMessage> conversation = handoffs.conversation(therapist.userId(), talkingRequest.id());
        assertThat(conversation).extracting(HandoffMessage::text).containsExactly("Ik weet het even niet meer.",
                "Ik ben er. Vertel maar.", "Dank je, het gaat iets beter.");
        handoffs.sendFromTherapist(therapist.userId(), talkingRequest.id(), "Fijn om te horen.");
        roundTrip();
        assertThat(find(Div.class).withId("handoff-log").single().getElement().getTextRecursively())
                .as("the therapist's answer after the restart arrives by push").contains("Fijn om te horen.");
        assertThat(conversation.getLast().author()).isEqualTo(Author.PERSON);

        // ---- nobody took the last request in time, partly while the application was away ----
        handoffs.expireUnanswered(lateRequest.requestedAt().plus(handoffs.settings().acceptTimeout())
                .plusSeconds(1));
        UI.getCurrent().removeAll();
        showPanel(late, lateSession);
        assertThat(status()).isEqualTo("Het is nu niet gelukt om iemand te vinden");
        assertThat(find(Div.class).withId("handoff-panel").single().getElement().getTextRecursively())
                .as("with the crisis lines").contains("113");
        assertThat(find(Button.class).withId("handoff-retry").single().isVisible()).isTrue();
        assertThat(escalationsOf(late)).isEqualTo(1);
        handoffs.setOnDuty(therapist.userId(), false);
    }

    private ConfigurableApplicationContext applicationAgainstTheTestDatabase() {
        return SecondApplication.onTheDatabaseOf(dataSource);
    }

    private Visitor person() {
        Visitor visitor = visitors.resolve(VisitorToken.generate());
        jdbc.sql("UPDATE users SET organisation_id = ? WHERE id = ?")
                .params(organisation.toString(), visitor.userId().toString()).update();
        return new Visitor(visitor.userId(), organisation);
    }

    private SessionId riskyDialogue(Visitor person) {
        return RiskyDialogues.paused(dialogues, person, "Ik wil niet meer leven, ik heb de pillen al klaarliggen.");
    }

    private void showPanel(Visitor person, SessionId session) {
        SafetyContext context = new SafetyContext(person, session,
                RiskLevel.CRISIS, List.of("nl.crisis.explicit-wish"));
        UI.getCurrent().add(panels.create(context, () -> { }, () -> { }));
    }

    private String status() {
        return find(H2.class).withId("handoff-status").single().getText();
    }

    private long escalationsOf(Visitor person) {
        return jdbc.sql("SELECT COUNT(*) FROM escalations WHERE user_id = ?")
                .param(person.userId().toString()).query(Long.class).single();
    }
}
