package nl.spiegel.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;


import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

import nl.spiegel.SecondApplication;
import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.dialogue.SessionId;
import nl.spiegel.escalation.handoff.Escalation;
import nl.spiegel.escalation.handoff.EscalationStatus;
import nl.spiegel.escalation.handoff.HandoffBroadcaster;
import nl.spiegel.escalation.handoff.HandoffEvent;
import nl.spiegel.escalation.handoff.HandoffService;
import nl.spiegel.identity.AccountProperties;
import nl.spiegel.identity.Role;
import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.Visitor;
import nl.spiegel.identity.VisitorService;
import nl.spiegel.identity.VisitorToken;
import nl.spiegel.identity.internal.MailBudget;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.risk.RiskLevel;

/**
 * Two app nodes on one database: the shared test context is node A, a second Spring Boot application started here
 * against the same MariaDB server is node B (its own beans, its own memory, its own web server). What a therapist on
 * one node does must reach a person on the other, live, and the other way round; budgets are one budget.
 */
@SpiegelIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesIT {

    // generous: the relay polls every second; a loaded build machine may be slow, and the waits end at the first event
    private static final long WAIT_SECONDS = 30;

    @Autowired
    DataSource dataSource;
    @Autowired
    HandoffService handoffsA;
    @Autowired
    HandoffBroadcaster broadcasterA;
    @Autowired
    StaffDirectory staff;
    @Autowired
    VisitorService visitors;
    @Autowired
    DialogueService dialogues;
    @Autowired
    MailBudget mailBudgetA;
    @Autowired
    AccountProperties accountProperties;

    private ConfigurableApplicationContext nodeB;

    @BeforeAll
    void startSecondNode() {
        nodeB = SecondApplication.onTheDatabaseOf(dataSource);
    }

    @AfterAll
    void stopSecondNode() {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @Test
    void aRequestOnOneNodeReachesTheTherapistOnTheOtherAndTheChatRunsBothWays() throws InterruptedException {
        HandoffService handoffsB = nodeB.getBean(HandoffService.class);
        HandoffBroadcaster broadcasterB = nodeB.getBean(HandoffBroadcaster.class);
        assertThat(handoffsB).isNotSameAs(handoffsA);
        StaffMember therapist = therapist();
        int onDutyBefore = handoffsA.therapistsOnDuty(OrganisationId.DEFAULT);

        // the therapist works on node B
        handoffsB.setOnDuty(therapist.userId(), true);
        BlockingQueue<HandoffEvent> therapistHeard = new LinkedBlockingQueue<>();
        HandoffBroadcaster.Subscription workspace = broadcasterB.forTherapist(therapist, therapistHeard::add);
        try {
            assertThat(handoffsA.therapistsOnDuty(OrganisationId.DEFAULT))
                    .as("node A knows somebody is on duty on node B").isEqualTo(onDutyBefore + 1);
            assertThat(handoffsA.isOnDuty(therapist.userId())).isTrue();

            // a person in crisis on node A asks for a human
            Visitor person = visitors.resolve(VisitorToken.generate());
            SessionId session = dialogues.startNew(person, "kennismaking").id();
            Escalation request = handoffsA.request(person, session, RiskLevel.CRISIS, List.of("crisis.plan"),
                    "unknown");
            assertThat(request.status()).as("not timed out at once: node A sees the therapist on duty")
                    .isEqualTo(EscalationStatus.REQUESTED);
            BlockingQueue<HandoffEvent> personHeard = new LinkedBlockingQueue<>();
            HandoffBroadcaster.Subscription panel = broadcasterA.forEscalation(request.id(), personHeard::add);
            try {
                assertThat(handoffsB.openRequests(therapist.userId())).extracting(Escalation::id)
                        .contains(request.id());
                assertThat(next(therapistHeard, HandoffEvent.Requested.class))
                        .as("the therapist's screen on node B hears the request made on node A, without a reload")
                        .isEqualTo(new HandoffEvent.Requested(request.id(), OrganisationId.DEFAULT, RiskLevel.CRISIS,
                                List.of("crisis.plan"), handoffsA.escalation(person, request.id()).requestedAt()));

                // accepted on node B, seen by the person on node A
                handoffsB.accept(therapist.userId(), request.id());
                assertThat(next(personHeard, HandoffEvent.Accepted.class))
                        .isEqualTo(new HandoffEvent.Accepted(request.id(), OrganisationId.DEFAULT));
                Escalation seenOnA = handoffsA.escalation(person, request.id());
                assertThat(seenOnA.status()).isEqualTo(EscalationStatus.ACCEPTED);
                assertThat(seenOnA.acceptedByName()).isEqualTo(therapist.displayName());

                // the chat both ways
                handoffsB.sendFromTherapist(therapist.userId(), request.id(), "Ik ben er. Wat gebeurt er?");
                HandoffEvent.MessagePosted fromTherapist = next(personHeard, HandoffEvent.MessagePosted.class);
                assertThat(handoffsA.conversation(person, request.id()))
                        .anySatisfy(message -> assertThat(message.id()).isEqualTo(fromTherapist.messageId()));

                BlockingQueue<HandoffEvent> chatHeard = new LinkedBlockingQueue<>();
                HandoffBroadcaster.Subscription chat = broadcasterB.forEscalation(request.id(), chatHeard::add);
                try {
                    handoffsA.sendFromPerson(person, request.id(), "Het gaat niet goed");
                    HandoffEvent.MessagePosted fromPerson = next(chatHeard, HandoffEvent.MessagePosted.class);
                    assertThat(handoffsB.conversation(therapist.userId(), request.id()))
                            .anySatisfy(message -> assertThat(message.id()).isEqualTo(fromPerson.messageId()));
                } finally {
                    chat.cancel();
                }

                // off duty on node B: node A tells the next person honestly
                handoffsB.setOnDuty(therapist.userId(), false);
                assertThat(handoffsA.isOnDuty(therapist.userId())).isFalse();
                assertThat(handoffsA.therapistsOnDuty(OrganisationId.DEFAULT)).isEqualTo(onDutyBefore);
            } finally {
                panel.cancel();
            }
        } finally {
            workspace.cancel();
        }
    }

    @Test
    void bothNodesTakeAccountMailsFromOneBudget() throws Exception {
        MailBudget mailBudgetB = nodeB.getBean(MailBudget.class);
        assertThat(mailBudgetB).isNotSameAs(mailBudgetA);
        int limit = accountProperties.mailsPerHour();
        String address = "email:" + UUID.randomUUID();

        // both nodes at once, each trying the whole budget: together they send exactly the limit
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> sent = new ArrayList<>();
            for (MailBudget node : List.of(mailBudgetA, mailBudgetB)) {
                sent.add(pool.submit(() -> {
                    start.await();
                    int taken = 0;
                    for (int i = 0; i < limit; i++) {
                        if (node.take(address)) {
                            taken++;
                        }
                    }
                    return taken;
                }));
            }
            start.countDown();
            assertThat(sent.get(0).get(WAIT_SECONDS, TimeUnit.SECONDS) + sent.get(1).get(WAIT_SECONDS, TimeUnit.SECONDS))
                    .isEqualTo(limit);
        } finally {
            pool.shutdownNow();
        }
        assertThat(mailBudgetA.take(address)).isFalse();
        assertThat(mailBudgetB.take(address)).as("node B does not start its own count").isFalse();
        assertThat(mailBudgetB.take("email:" + UUID.randomUUID())).as("another address has its own budget").isTrue();
    }

    private static <T extends HandoffEvent> T next(BlockingQueue<HandoffEvent> heard, Class<T> kind)
            throws InterruptedException {
        // bounded: either the event arrives or the test fails after WAIT_SECONDS
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < end) {
            HandoffEvent event = heard.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (kind.isInstance(event)) {
                return kind.cast(event);
            }
        }
        throw new AssertionError("no " + kind.getSimpleName() + " arrived within " + WAIT_SECONDS + " s");
    }

    private StaffMember therapist() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return staff.create("therapeut-" + unique + "@example.org", "een-lang-test-wachtwoord",
                "Therapeut " + unique, Role.THERAPIST, OrganisationId.DEFAULT);
    }
}
