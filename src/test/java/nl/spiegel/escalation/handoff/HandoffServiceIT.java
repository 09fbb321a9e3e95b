package nl.spiegel.escalation.handoff;

import nl.spiegel.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.servlet.http.HttpSessionEvent;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;

import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.dialogue.SessionId;
import nl.spiegel.escalation.Screening;
import nl.spiegel.escalation.ScreeningService;
import nl.spiegel.escalation.screening.Answer;
import nl.spiegel.escalation.screening.Question;
import nl.spiegel.identity.Role;
import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.Visitor;
import nl.spiegel.identity.VisitorService;
import nl.spiegel.identity.VisitorToken;
import nl.spiegel.identity.internal.LoggedInSessions;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.risk.RiskLevel;
import nl.spiegel.shared.crypto.EncryptedColumn;
import nl.spiegel.shared.crypto.FieldCipher;

/**
 * The live handoff against the real database: who sees a request, one accept wins, the chat both ways and only
 * between the participants, the configured timeout on a clock the test moves, contact requests, closing.
 */
@SpiegelIntegrationTest
@TestPropertySource(properties = {
        "spiegel.handoff.accept-timeout=PT2M",
        // the test moves the clock and runs the check itself
        "spiegel.handoff.check-interval=PT1H",
        // the production limits (the test profile raises the one per address for the other tests)
        "spiegel.handoff.requests-per-visitor=3",
        "spiegel.handoff.requests-per-address=10"})
class HandoffServiceIT {

    @TestConfiguration
    static class MovableClockConfiguration {
        @Bean
        @Primary
        MovableClock mutableClock() {
            return new MovableClock(Instant.now().truncatedTo(ChronoUnit.MICROS));
        }
    }

    private static final String WORDS = "Ik zie het echt niet meer zitten vanavond";

    @Autowired
    HandoffService handoffs;
    @Autowired
    HandoffBroadcaster broadcaster;
    @Autowired
    StaffDirectory staff;
    @Autowired
    VisitorService visitors;
    @Autowired
    DialogueService dialogues;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MovableClock clock;
    @Autowired
    FieldCipher cipher;
    @Autowired
    SharedAlerts shared;
    @Autowired
    ScreeningService screenings;

    @Autowired
    LoggedInSessions loggedInSessions;

    private final List<HandoffBroadcaster.Subscription> subscriptions = new ArrayList<>();
    private Visitor person;
    private SessionId session;

    @BeforeEach
    void aPersonInADialogue() {
        person = visitors.resolve(VisitorToken.generate());
        session = dialogues.startNew(person, "kennismaking").id();
    }

    @AfterEach
    void stopListening() {
        subscriptions.forEach(HandoffBroadcaster.Subscription::cancel);
    }

    @Test
    void aRequestReachesOnlyOnDutyTherapistsOfTheSameOrganisation() {
        StaffMember onDuty = therapist(OrganisationId.DEFAULT);
        StaffMember offDuty = therapist(OrganisationId.DEFAULT);
        StaffMember elsewhere = therapist(otherOrganisation());
        handoffs.setOnDuty(onDuty.userId(), true);
        handoffs.setOnDuty(elsewhere.userId(), true);
        List<HandoffEvent> heardOnDuty = listen(onDuty);
        List<HandoffEvent> heardOffDuty = listen(offDuty);
        List<HandoffEvent> heardElsewhere = listen(elsewhere);

        Escalation escalation = handoffs.request(person, session, RiskLevel.CRISIS,
                List.of("crisis.plan", "crisis.means", WORDS));

        assertThat(escalation.status()).isEqualTo(EscalationStatus.REQUESTED);
        assertThat(escalation.ruleIds()).as("only ids travel").containsExactly("crisis.plan", "crisis.means");
        assertThat(heardOnDuty).containsExactly(new HandoffEvent.Requested(escalation.id(), OrganisationId.DEFAULT,
                RiskLevel.CRISIS, List.of("crisis.plan", "crisis.means"), escalation.requestedAt()));
        assertThat(heardOffDuty).isEmpty();
        assertThat(heardElsewhere).isEmpty();

        assertThat(handoffs.openRequests(onDuty.userId())).extracting(Escalation::id).contains(escalation.id());
        assertThat(handoffs.openRequests(offDuty.userId())).as("off duty sees nothing").isEmpty();
        assertThat(handoffs.openRequests(elsewhere.userId())).extracting(Escalation::id)
                .doesNotContain(escalation.id());

        var stored = jdbc.sql("""
                SELECT organisation_id, user_id, session_id, risk_level, rule_ids, status FROM escalations
                WHERE id = ?""").param(escalation.id().toString()).query().singleRow();
        assertThat(stored).containsEntry("organisation_id", OrganisationId.DEFAULT.toString())
                .containsEntry("user_id", person.userId().toString())
                .containsEntry("session_id", session.toString())
                .containsEntry("risk_level", "CRISIS")
                .containsEntry("rule_ids", "crisis.plan,crisis.means")
                .containsEntry("status", "REQUESTED");
    }

    @Test
    void pressingTheButtonAgainGivesTheSameOpenRequest() {
        Escalation first = handoffs.request(person, session, RiskLevel.CRISIS, List.of("crisis.plan"));
        Escalation again = handoffs.request(person, session, RiskLevel.CRISIS, List.of("crisis.plan"));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM escalations WHERE user_id = ?").param(person.userId().toString())
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theFirstTherapistToAcceptGetsItAndASecondAcceptFailsCleanly() {
        StaffMember first = onDutyTherapist();
        StaffMember second = onDutyTherapist();
        Escalation escalation = handoffs.request(person, session, RiskLevel.CRISIS, List.of("crisis.plan"));
        List<HandoffEvent> personHeard = listen(escalation.id());
        List<HandoffEvent> secondHeard = listen(second);

        Escalation accepted = handoffs.accept(first.userId(), escalation.id());

        assertThat(accepted.status()).isEqualTo(EscalationStatus.ACCEPTED);
        assertThat(accepted.acceptedBy()).isEqualTo(first.userId());
        assertThat(accepted.acceptedByName()).isEqualTo(first.displayName());
        assertThat(accepted.acceptedAt()).isEqualTo(clock.instant());
        assertThat(personHeard).containsExactly(new HandoffEvent.Accepted(escalation.id(), OrganisationId.DEFAULT));
        assertThat(secondHeard).as("the other therapist's queue changes")
                .containsExactly(new HandoffEvent.Accepted(escalation.id(), OrganisationId.DEFAULT));
        assertThatThrownBy(() -> handoffs.accept(second.userId(), escalation.id()))
                .isInstanceOfSatisfying(HandoffStateException.class,
                        e -> assertThat(e.status()).isEqualTo(EscalationStatus.ACCEPTED));
        assertThat(handoffs.escalation(person, escalation.id()).acceptedBy()).isEqualTo(first.userId());
        assertThat(handoffs.openRequests(second.userId())).extracting(Escalation::id).doesNotContain(escalation.id());
        assertThat(handoffs.myConversations(first.userId())).extracting(Escalation::id).contains(escalation.id());
        assertThat(handoffs.myConversations(second.userId())).extracting(Escalation::id)
                .doesNotContain(escalation.id());
    }

    @Test
    void twoTherapistsAcceptingAtTheSameMomentEndWithExactlyOneWinner() throws Exception {
        StaffMember first = onDutyTherapist();
        StaffMember second = onDutyTherapist();
        Escalation escalation = handoffs.request(person, session, RiskLevel.CRISIS, List.of("crisis.plan"));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (StaffMember therapist : List.of(first, second)) {
                Callable<Boolean> accept = () -> {
                    start.await();
                    try {
                        handoffs.accept(therapist.userId(), escalation.id());
                        return true;
                    } catch (HandoffStateException lost) {
                        return false;
                    }
                };
                results.add(pool.submit(accept));
            }
            start.countDown();
            List<Boolean> won = new ArrayList<>();
            for (Future<Boolean> result : results) {
                won.add(result.get());
            }
            assertThat(won).containsExactlyInAnyOrder(true, false);
        } finally {
            pool.shutdownNow();
        }
        assertThat(handoffs.escalation(person, escalation.id()).acceptedBy()).isIn(first.userId(), second.userId());
    }

    @Test
    void messagesAreStoredBothWaysAndOnlyTheParticipantsCanSendOrRead() {
        StaffMember therapist = onDutyTherapist();
        StaffMember colleague = onDutyTherapist();
        Visitor stranger = visitors.resolve(VisitorToken.generate());
        Escalation escalation = handoffs.request(person, session, RiskLevel.CRISIS, List.of("crisis.plan"));
        assertThatThrownBy(() -> handoffs.sendFromPerson(person, escalation.id(), "Hallo?"))
                .as("no chat before someone accepted").isInstanceOf(HandoffStateException.class);
        handoffs.accept(therapist.userId(), escalation.id());
        List<HandoffEvent> personHeard = listen(escalation.id());

        HandoffMessage fromPerson = handoffs.sendFromPerson(person, escalation.id(), "  " + WORDS + " 😔 ");
        clock.advance(Duration.ofSeconds(20));
        HandoffMessage fromTherapist = handoffs.sendFromTherapist(therapist.userId(), escalation.id(),
                "Fijn dat je het zegt. Ik ben er.");

        assertThat(handoffs.conversation(person, escalation.id()))
                .extracting(HandoffMessage::author, HandoffMessage::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Author.PERSON, WORDS + " 😔"),
                        org.assertj.core.groups.Tuple.tuple(Author.THERAPIST, "Fijn dat je het zegt. Ik ben er."));
        assertThat(handoffs.conversation(therapist.userId(), escalation.id()))
                .isEqualTo(handoffs.conversation(person, escalation.id()));
        assertThat(personHeard).containsExactly(
                new HandoffEvent.MessagePosted(escalation.id(), OrganisationId.DEFAULT, fromPerson.id(), Author.PERSON),
                new HandoffEvent.MessagePosted(escalation.id(), OrganisationId.DEFAULT, fromTherapist.id(),
                        Author.THERAPIST));
        assertThat(personHeard.toString()).as("notifications never carry the words").doesNotContain("zitten", "Fijn");
        byte[] body = jdbc.sql("SELECT body FROM escalation_messages WHERE id = ?").param(fromPerson.id())
                .query(byte[].class).single();
        assertThat(new String(body, StandardCharsets.UTF_8)).as("stored encrypted").doesNotContain("zitten");
        assertThat(cipher.decryptToString(EncryptedColumn.of("escalation_messages", "id", "body", "key_id",
                "escalation_id"), escalation.id().toString(), body, cipher.activeKeyId())).isEqualTo(WORDS + " 😔");
        assertThat(jdbc.sql("SELECT organisation_id FROM escalation_messages WHERE escalation_id = ?")
                .param(escalation.id().toString()).query(String.class).list())
                .containsOnly(OrganisationId.DEFAULT.toString());

        assertThatThrownBy(() -> handoffs.sendFromTherapist(colleague.userId(), escalation.id(), "Ik ook"))
                .isInstanceOf(HandoffAccessDeniedException.class);
        assertThatThrownBy(() -> handoffs.conversation(colleague.userId(), escalation.id()))
                .isInstanceOf(HandoffAccessDeniedException.class);
        assertThatThrownBy(() -> handoffs.sendFromPerson(stranger, escalation.id(), "Ik ben iemand anders"))
                .isInstanceOf(HandoffAccessDeniedException.class);
        assertThatThrownBy(() -> handoffs.conversation(stranger, escalation.id()))
                .isInstanceOf(HandoffAccessDeniedException.class);
        assertThatThrownBy(() -> handoffs.sendFromTherapist(person.userId(), escalation.id(), "Ik doe me voor"))
                .as("a visitor is no therapist").isInstanceOf(HandoffAccessDeniedException.class);
        assertThatThrownBy(() -> handoffs.sendFromPerson(person, escalation.id(), "   "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(handoffs.conversation(person, escalation.id())).hasSize(2);
    }

    @Test
    void nobodyAcceptingWithinTheConfiguredTimeTimesOutAndTellsThePerson() {
        StaffMember therapist = onDutyTherapist();
        Escalation escalation = handoffs.request(person, session, RiskLevel.CRISIS, List.of("crisis.plan"));
        List<HandoffEvent> personHeard = listen(escalation.id());
        List<HandoffEvent> therapistHeard = listen(therapist);

        clock.advance(Duration.ofMinutes(2).minusSeconds(1));
        handoffs.expireUnanswered();
        assertThat(handoffs.escalation(person, escalation.id()).status()).isEqualTo(EscalationStatus.REQUESTED);
        assertThat(personHeard).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        assertThat(handoffs.expireUnanswered()).isGreaterThanOrEqualTo(1);

        Escalation timedOut = handoffs.escalation(person, escalation.id());
        assertThat(timedOut.status()).isEqualTo(EscalationStatus.TIMED_OUT);
        assertThat(timedOut.timedOutAt()).isEqualTo(clock.instant());
        assertThat(personHeard).containsExactly(new HandoffEvent.TimedOut(escalation.id(), OrganisationId.DEFAULT));
        assertThat(therapistHeard).contains(new HandoffEvent.TimedOut(escalation.id(), OrganisationId.DEFAULT));
        assertThat(handoffs.openRequests(therapist.userId())).extracting(Escalation::id)
                .doesNotContain(escalation.id());
        assertThatThrownBy(() -> handoffs.accept(therapist.userId(), escalation.id()))
                .isInstanceOfSatisfying(HandoffStateException.class,
                        e -> assertThat(e.status()).isEqualTo(EscalationStatus.TIMED_OUT));

        assertThat(handoffs.expireUnanswered()).as("told once").isZero();
        assertThat(personHeard).hasSize(1);
        Escalation retry = handoffs.request(person, session, RiskLevel.CRISIS, List.of("crisis.plan"));
        assertThat(retry.id()).as("trying again is a new request").isNotEqualTo(escalation.id());
    }

    @Test
    void aContactRequestIsStoredAndShownToTheOrganisationsTherapistsUntilFollowedUp() {
        StaffMember therapist = onDutyTherapist();
        StaffMember elsewhere = therapist(otherOrganisation());
        Visitor stranger = visitors.resolve(VisitorToken.generate());
        Escalation escalation = handoffs.request(person, session, RiskLevel.CONCERN, List.of("concern.burden"));
        clock.advance(Duration.ofMinutes(3));
        handoffs.expireUnanswered();
        List<HandoffEvent> therapistHeard = listen(therapist);

        assertThatThrownBy(() -> handoffs.leaveContact(stranger, escalation.id(), "06-98765432"))
                .isInstanceOf(HandoffAccessDeniedException.class);
        handoffs.leaveContact(person, escalation.id(), "06-12345678, liefst na 18 uur");

        byte[] stored = jdbc.sql("SELECT contact_request FROM escalations WHERE id = ?")
                .param(escalation.id().toString()).query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.UTF_8)).as("stored encrypted").doesNotContain("12345678");
        assertThat(cipher.decryptToString(EncryptedColumn.of("escalations", "id", "contact_request", "key_id"),
                escalation.id().toString(), stored, cipher.activeKeyId()))
                .isEqualTo("06-12345678, liefst na 18 uur");
        assertThat(handoffs.escalation(person, escalation.id()).contactLeft()).isTrue();
        assertThat(therapistHeard).containsExactly(new HandoffEvent.ContactLeft(escalation.id(),
                OrganisationId.DEFAULT));
        assertThat(handoffs.callbacks(therapist.userId()))
                .filteredOn(callback -> callback.escalation().id().equals(escalation.id()))
                .extracting(CallbackRequest::contact).containsExactly("06-12345678, liefst na 18 uur");
        assertThat(handoffs.callbacks(elsewhere.userId())).extracting(callback -> callback.escalation().id())
                .doesNotContain(escalation.id());

        handoffs.close(therapist.userId(), escalation.id(), "Teruggebeld, afspraak bij huisarts gemaakt.");

        assertThat(handoffs.callbacks(therapist.userId())).extracting(callback -> callback.escalation().id())
                .doesNotContain(escalation.id());
        var closed = jdbc.sql("SELECT status, closed_by, closed_at FROM escalations WHERE id = ?")
                .param(escalation.id().toString()).query().singleRow();
        assertThat(closed).containsEntry("status", "CLOSED").containsEntry("closed_by", therapist.userId().toString());
        assertThat(closed.get("closed_at")).isNotNull();
        assertThat(handoffs.outcomeNote(therapist.userId(), escalation.id()))
                .contains("Teruggebeld, afspraak bij huisarts gemaakt.");
    }

    @Test
    void theTherapistInTheConversationClosesItWithAnOutcomeNote() {
        StaffMember therapist = onDutyTherapist();
        StaffMember colleague = onDutyTherapist();
        Escalation escalation = handoffs.request(person, session, RiskLevel.CRISIS, List.of("crisis.plan"));
        handoffs.accept(therapist.userId(), escalation.id());
        List<HandoffEvent> personHeard = listen(escalation.id());

        assertThatThrownBy(() -> handoffs.close(colleague.userId(), escalation.id(), "Niet van mij"))
                .isInstanceOf(HandoffAccessDeniedException.class);
        assertThatThrownBy(() -> handoffs.close(therapist.userId(), escalation.id(), "  "))
                .isInstanceOf(IllegalArgumentException.class);
        clock.advance(Duration.ofMinutes(25));
        handoffs.close(therapist.userId(), escalation.id(), "Veiligheidsplan gemaakt, morgen huisarts.");

        Escalation closed = handoffs.escalation(person, escalation.id());
        assertThat(closed.status()).isEqualTo(EscalationStatus.CLOSED);
        assertThat(closed.closedAt()).isEqualTo(clock.instant());
        assertThat(personHeard).containsExactly(new HandoffEvent.Closed(escalation.id(), OrganisationId.DEFAULT));
        assertThat(handoffs.outcomeNote(therapist.userId(), escalation.id()))
                .contains("Veiligheidsplan gemaakt, morgen huisarts.");
        assertThatThrownBy(() -> handoffs.sendFromPerson(person, escalation.id(), "Nog iets"))
                .isInstanceOf(HandoffStateException.class);
        assertThat(handoffs.myConversations(therapist.userId())).extracting(Escalation::id)
                .doesNotContain(escalation.id());
    }

    @Test
    void anAnonymousVisitorCannotGoOnDutyAcceptOrSeeTheQueue() {
        Visitor visitor = visitors.resolve(VisitorToken.generate());
        Escalation escalation = handoffs.request(person, session, RiskLevel.CRISIS, List.of("crisis.plan"));

        assertThatThrownBy(() -> handoffs.setOnDuty(visitor.userId(), true))
                .isInstanceOf(HandoffAccessDeniedException.class);
        assertThatThrownBy(() -> handoffs.openRequests(visitor.userId()))
                .isInstanceOf(HandoffAccessDeniedException.class);
        assertThatThrownBy(() -> handoffs.accept(visitor.userId(), escalation.id()))
                .isInstanceOf(HandoffAccessDeniedException.class);
        assertThatThrownBy(() -> handoffs.accept(person.userId(), escalation.id()))
                .as("not even their own request").isInstanceOf(HandoffAccessDeniedException.class);
        assertThatThrownBy(() -> handoffs.callbacks(visitor.userId()))
                .isInstanceOf(HandoffAccessDeniedException.class);
        assertThat(handoffs.escalation(person, escalation.id()).status()).isEqualTo(EscalationStatus.REQUESTED);
    }

    @Test
    void aTherapistOfAnotherOrganisationCannotAcceptOrSeeTheRequest() {
        StaffMember elsewhere = therapist(otherOrganisation());
        handoffs.setOnDuty(elsewhere.userId(), true);
        Escalation escalation = handoffs.request(person, session, RiskLevel.CRISIS, List.of("crisis.plan"));

        assertThatThrownBy(() -> handoffs.accept(elsewhere.userId(), escalation.id()))
                .isInstanceOf(HandoffAccessDeniedException.class);
        assertThat(handoffs.openRequests(elsewhere.userId())).extracting(Escalation::id)
                .doesNotContain(escalation.id());
        assertThat(handoffs.escalation(person, escalation.id()).status()).isEqualTo(EscalationStatus.REQUESTED);
    }

    @Test
    void everyCallBackRequestShownToATherapistIsOnTheAuditTrail() {
        StaffMember therapist = onDutyTherapist();
        Escalation escalation = handoffs.request(person, session, RiskLevel.CRISIS, List.of("crisis.plan"));
        clock.advance(Duration.ofMinutes(3));
        handoffs.expireUnanswered();
        handoffs.leaveContact(person, escalation.id(), "06-11223344");

        assertThat(handoffs.callbacks(therapist.userId())).extracting(callback -> callback.escalation().id())
                .contains(escalation.id());
        handoffs.callbacks(therapist.userId());

        assertThat(auditEntries(escalation, "CALLBACK_REQUEST")).as("one entry per look")
                .containsExactly("VIEW THERAPIST", "VIEW THERAPIST");
    }

    @Test
    void onlyTheTherapistInvolvedAndTheOrganisationsAdminsReadAnOutcomeNoteAndEveryReadIsAudited() {
        StaffMember therapist = onDutyTherapist();
        StaffMember colleague = onDutyTherapist();
        String unique = UUID.randomUUID().toString().substring(0, 8);
        StaffMember admin = staff.create("beheer-" + unique + "@example.org", "een-lang-test-wachtwoord",
                "Beheer " + unique, Role.ORG_ADMIN, OrganisationId.DEFAULT);
        StaffMember elsewhere = staff.create("beheer-" + unique + "@example.net", "een-lang-test-wachtwoord",
                "Beheer " + unique, Role.ORG_ADMIN, otherOrganisation());
        Escalation escalation = handoffs.request(person, session, RiskLevel.CRISIS, List.of("crisis.plan"));
        handoffs.accept(therapist.userId(), escalation.id());
        handoffs.close(therapist.userId(), escalation.id(), "Samen een plan gemaakt.");

        assertThatThrownBy(() -> handoffs.outcomeNote(colleague.userId(), escalation.id()))
                .as("another therapist of the organisation").isInstanceOf(HandoffAccessDeniedException.class);
        assertThatThrownBy(() -> handoffs.outcomeNote(elsewhere.userId(), escalation.id()))
                .as("an admin of another organisation").isInstanceOf(HandoffAccessDeniedException.class);
        assertThat(handoffs.outcomeNote(therapist.userId(), escalation.id())).contains("Samen een plan gemaakt.");
        assertThat(handoffs.outcomeNote(admin.userId(), escalation.id())).contains("Samen een plan gemaakt.");

        assertThat(auditEntries(escalation, "OUTCOME_NOTE")).containsExactlyInAnyOrder(
                "ACCESS_DENIED THERAPIST", "ACCESS_DENIED ORG_ADMIN", "VIEW THERAPIST", "VIEW ORG_ADMIN");
    }

    @Test
    void goingOffDutyTellsThePeopleWaitingAtOnce() {
        StaffMember therapist = onDutyTherapist();
        Escalation escalation = handoffs.request(person, session, RiskLevel.CRISIS, List.of("crisis.plan"));
        List<HandoffEvent> personHeard = listen(escalation.id());

        handoffs.setOnDuty(therapist.userId(), false);

        assertThat(personHeard).containsExactly(new HandoffEvent.DutyChanged(escalation.id(), OrganisationId.DEFAULT));
    }

    @Test
    void aTherapistWhoseSessionEndsIsOffDutyAndThePeopleWaitingAreTold() {
        StaffMember therapist = onDutyTherapist();
        Escalation escalation = handoffs.request(person, session, RiskLevel.CRISIS, List.of("crisis.plan"));
        List<HandoffEvent> personHeard = listen(escalation.id());
        MockHttpSession workspace = new MockHttpSession();
        loggedInSessions.loggedIn(workspace, therapist.userId(), Role.THERAPIST);

        // as the container does when the session times out
        loggedInSessions.sessionDestroyed(new HttpSessionEvent(workspace));

        assertThat(handoffs.isOnDuty(therapist.userId())).isFalse();
        assertThat(personHeard).containsExactly(new HandoffEvent.DutyChanged(escalation.id(), OrganisationId.DEFAULT));
    }

    @Test
    void manyRequestsFromFreshVisitorsOnOneAddressOrFromOneVisitorAreRefused() {
        String address = "198.51.100." + (int) (Math.random() * 250);
        for (int i = 0; i < 10; i++) {
            Visitor fresh = visitors.resolve(VisitorToken.generate());
            handoffs.request(fresh, dialogue(fresh), RiskLevel.CRISIS, List.of("crisis.plan"), address);
        }
        Visitor eleventh = visitors.resolve(VisitorToken.generate());
        assertThatThrownBy(() -> handoffs.request(eleventh, dialogue(eleventh), RiskLevel.CRISIS,
                List.of("crisis.plan"), address)).isInstanceOf(HandoffRateLimitedException.class);
        assertThat(handoffs.request(eleventh, dialogue(eleventh), RiskLevel.CRISIS, List.of("crisis.plan"),
                "203.0.113.5").status()).as("from another address").isEqualTo(EscalationStatus.REQUESTED);

        for (int i = 0; i < 3; i++) {
            Escalation escalation = handoffs.request(person, session, RiskLevel.CRISIS, List.of("crisis.plan"),
                    "192.0.2." + i);
            clock.advance(Duration.ofMinutes(3));
            handoffs.expireUnanswered();
            assertThat(handoffs.escalation(person, escalation.id()).status()).isEqualTo(EscalationStatus.TIMED_OUT);
        }
        assertThatThrownBy(() -> handoffs.request(person, session, RiskLevel.CRISIS, List.of("crisis.plan"),
                "192.0.2.9")).as("a fourth from one visitor within the hour")
                .isInstanceOf(HandoffRateLimitedException.class);
        clock.advance(Duration.ofHours(1));
        assertThat(handoffs.request(person, session, RiskLevel.CRISIS, List.of("crisis.plan"), "192.0.2.9").status())
                .isEqualTo(EscalationStatus.REQUESTED);
    }

    private SessionId dialogue(Visitor visitor) {
        return dialogues.startNew(visitor, "kennismaking").id();
    }

    /** "ACTION ROLE" of the audit entries about one record of this escalation. */
    private List<String> auditEntries(Escalation escalation, String recordType) {
        return jdbc.sql("SELECT action, actor_role FROM audit_events WHERE record_type = ? AND record_id = ? ORDER BY id")
                .params(recordType, escalation.id().toString())
                .query((rs, row) -> rs.getString("action") + " " + rs.getString("actor_role")).list();
    }

    @Test
    void thePersonsChoiceToShareIsStoredAndCanBeChangedWhileWaiting() {
        Escalation sharing = handoffs.request(person, session, RiskLevel.CRISIS, List.of("crisis.plan"), true);

        assertThat(sharing.sharesAlert()).isTrue();
        assertThat(storedShareAlert(sharing.id())).isTrue();

        Escalation changed = shared.choose(person, sharing.id(), false);

        assertThat(changed.sharesAlert()).isFalse();
        assertThat(storedShareAlert(sharing.id())).isFalse();
        assertThat(handoffs.request(person, session, RiskLevel.NONE, List.of()).sharesAlert())
                .as("without a choice nothing is shared").isFalse();
    }

    @Test
    void withoutConsentTheTherapistIsRefusedTheMessageAndTheRefusalIsAudited() {
        SessionId risky = riskyDialogue();
        StaffMember therapist = onDutyTherapist();
        Escalation escalation = handoffs.request(person, risky, RiskLevel.CRISIS, List.of("crisis.plan"), false);
        handoffs.accept(therapist.userId(), escalation.id());

        assertThatThrownBy(() -> shared.read(therapist.userId(), escalation.id()))
                .isInstanceOf(HandoffAccessDeniedException.class)
                .hasMessageNotContaining(RISKY_WORDS);
        assertThat(alertAudit(escalation.id())).containsExactly("ACCESS_DENIED");
    }

    @Test
    void withConsentTheTherapistInTheConversationReadsTheMessageAndAnswersAndEveryReadIsAudited() {
        SessionId risky = riskyDialogue();
        Screening screening = screenings.start(person, risky, RiskLevel.CONCERN, List.of());
        screenings.answer(person, screening.id(), Question.WISH_TO_BE_DEAD, true);
        StaffMember therapist = onDutyTherapist();
        StaffMember colleague = onDutyTherapist();
        Escalation escalation = handoffs.request(person, risky, RiskLevel.CRISIS, List.of("crisis.plan"), true);

        assertThatThrownBy(() -> shared.read(therapist.userId(), escalation.id()))
                .as("not before accepting").isInstanceOf(HandoffAccessDeniedException.class);
        handoffs.accept(therapist.userId(), escalation.id());
        SharedAlert alert = shared.read(therapist.userId(), escalation.id());

        assertThat(alert.message()).contains(RISKY_WORDS);
        assertThat(alert.answers()).contains(new Answer(Question.WISH_TO_BE_DEAD, true));
        assertThat(alert.toString()).as("never printable into a log").doesNotContain(RISKY_WORDS);
        assertThatThrownBy(() -> shared.read(colleague.userId(), escalation.id()))
                .isInstanceOf(HandoffAccessDeniedException.class);
        assertThat(alertAudit(escalation.id())).containsExactly("ACCESS_DENIED", "VIEW", "ACCESS_DENIED");

        shared.choose(person, escalation.id(), false);
        assertThatThrownBy(() -> shared.read(therapist.userId(), escalation.id()))
                .as("the person can take it back").isInstanceOf(HandoffAccessDeniedException.class);
    }

    @Test
    void closingALiveConversationLeavesTheClosingWordsAsTheTherapistsLastMessage() {
        StaffMember therapist = onDutyTherapist();
        Escalation escalation = handoffs.request(person, session, RiskLevel.CRISIS, List.of("crisis.plan"), true);
        handoffs.accept(therapist.userId(), escalation.id());
        handoffs.sendFromPerson(person, escalation.id(), "Dank je");

        handoffs.close(therapist.userId(), escalation.id(), "Afgesproken: morgen huisarts.",
                "Dit gesprek is afgesloten. 113 Zelfmoordpreventie: 113 of 0800-0113.");

        List<HandoffMessage> conversation = handoffs.conversation(person, escalation.id());
        assertThat(conversation.getLast().author()).isEqualTo(Author.THERAPIST);
        assertThat(conversation.getLast().text()).contains("0800-0113");
        assertThat(handoffs.latest(person, session)).get().extracting(Escalation::status)
                .isEqualTo(EscalationStatus.CLOSED);
    }

    private static final String RISKY_WORDS = "ik heb de pillen al klaarliggen voor vanavond";

    private SessionId riskyDialogue() {
        return RiskyDialogues.paused(dialogues, person, "Ik wil niet meer leven, " + RISKY_WORDS + ".");
    }

    private boolean storedShareAlert(EscalationId id) {
        return jdbc.sql("SELECT share_alert FROM escalations WHERE id = ?").param(id.toString())
                .query(Boolean.class).single();
    }

    private List<String> alertAudit(EscalationId id) {
        return jdbc.sql("SELECT action FROM audit_events WHERE record_type = 'HANDOFF_ALERT' AND record_id = ?"
                        + " ORDER BY id").param(id.toString()).query(String.class).list();
    }

    private StaffMember onDutyTherapist() {
        StaffMember therapist = therapist(OrganisationId.DEFAULT);
        handoffs.setOnDuty(therapist.userId(), true);
        return therapist;
    }

    private StaffMember therapist(OrganisationId organisation) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return staff.create("therapeut-" + unique + "@example.org", "een-lang-test-wachtwoord",
                "Therapeut " + unique, Role.THERAPIST, organisation);
    }

    private OrganisationId otherOrganisation() {
        OrganisationId id = new OrganisationId(UUID.randomUUID());
        jdbc.sql("INSERT INTO organisations (id, slug, name, created_at) VALUES (?, ?, ?, UTC_TIMESTAMP(6))")
                .params(id.toString(), "org-" + id.toString().substring(0, 8), "Andere praktijk").update();
        return id;
    }

    private List<HandoffEvent> listen(StaffMember therapist) {
        List<HandoffEvent> heard = Collections.synchronizedList(new ArrayList<>());
        subscriptions.add(broadcaster.forTherapist(therapist, heard::add));
        return heard;
    }

    private List<HandoffEvent> listen(EscalationId escalation) {
        List<HandoffEvent> heard = Collections.synchronizedList(new ArrayList<>());
        subscriptions.add(broadcaster.forEscalation(escalation, heard::add));
        return heard;
    }
}
