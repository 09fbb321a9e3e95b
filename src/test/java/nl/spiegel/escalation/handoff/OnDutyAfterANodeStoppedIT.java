package nl.spiegel.escalation.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.dialogue.SessionId;
import nl.spiegel.identity.Role;
import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.Visitor;
import nl.spiegel.identity.VisitorService;
import nl.spiegel.identity.VisitorToken;
import nl.spiegel.organisation.OrganisationDirectory;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.risk.RiskLevel;

/**
 * A node that stopped (crashed, killed) cannot take its therapists off duty itself: their on-duty rows stop being
 * confirmed and no longer count, so people are not told that someone is there. When the therapist's workspace is
 * open on a node that runs (the load balancer moved them), that node takes the row over. The people waiting hear it
 * when the last therapist on duty stops counting, not only when their screen is built again.
 */
@SpiegelIntegrationTest
class OnDutyAfterANodeStoppedIT {

    @Autowired
    HandoffService handoffs;
    @Autowired
    OnDutyRegistry onDuty;
    @Autowired
    StaffDirectory staff;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    HandoffBroadcaster broadcaster;
    @Autowired
    OrganisationDirectory organisations;
    @Autowired
    VisitorService visitors;
    @Autowired
    DialogueService dialogues;

    @Test
    void aTherapistOfAStoppedNodeDoesNotCountUntilTheirWorkspaceIsOpenOnARunningNode() {
        StaffMember therapist = therapist();
        int before = handoffs.therapistsOnDuty(OrganisationId.DEFAULT);
        // set on duty by a node that stopped confirming an hour ago
        jdbc.sql("""
                INSERT INTO therapists_on_duty (user_id, organisation_id, node, since, seen_at)
                VALUES (?, ?, ?, UTC_TIMESTAMP(6) - INTERVAL 2 HOUR, UTC_TIMESTAMP(6) - INTERVAL 1 HOUR)""")
                .params(therapist.userId().toString(), OrganisationId.DEFAULT.toString(), UUID.randomUUID().toString())
                .update();

        assertThat(handoffs.isOnDuty(therapist.userId())).isFalse();
        assertThat(handoffs.therapistsOnDuty(OrganisationId.DEFAULT)).isEqualTo(before);
        assertThat(handoffs.openRequests(therapist.userId())).as("off duty sees no queue").isEmpty();

        // this node confirms the rows of the workspaces open here
        onDuty.confirm(Set.of(therapist.userId()));

        assertThat(handoffs.isOnDuty(therapist.userId())).isTrue();
        assertThat(handoffs.therapistsOnDuty(OrganisationId.DEFAULT)).isEqualTo(before + 1);
        assertThat(jdbc.sql("SELECT node FROM therapists_on_duty WHERE user_id = ?")
                .param(therapist.userId().toString()).query(String.class).single()).isEqualTo(onDuty.node());

        handoffs.endDuty(therapist.userId());
        assertThat(handoffs.isOnDuty(therapist.userId())).isFalse();
    }

    @Test
    void thePeopleWaitingAreToldWhenTheLastTherapistOnDutyStopsCountingBecauseTheirNodeStopped() {
        // an organisation of its own: other tests leave therapists on duty in the default one
        String unique = UUID.randomUUID().toString().substring(0, 8);
        OrganisationId organisation = organisations.create("Praktijk " + unique, "praktijk-" + unique).id();
        StaffMember therapist = therapist(organisation);
        handoffs.setOnDuty(therapist.userId(), true);
        Visitor person = visitors.resolve(VisitorToken.generate(), organisation);
        SessionId session = dialogues.startNew(person, "kennismaking").id();
        Escalation waiting = handoffs.request(person, session, RiskLevel.CRISIS, List.of("crisis.plan"));
        // this node looks (as its scheduled check does every few seconds): somebody is on duty there
        handoffs.announceDutyLapses();
        List<HandoffEvent> personHeard = Collections.synchronizedList(new ArrayList<>());
        HandoffBroadcaster.Subscription screen = broadcaster.forEscalation(waiting.id(), personHeard::add);
        try {
            // the therapist's node stops: nobody confirms their row any more, and it ages past on-duty-stale-after
            jdbc.sql("""
                    UPDATE therapists_on_duty SET node = ?, seen_at = UTC_TIMESTAMP(6) - INTERVAL 1 HOUR
                    WHERE user_id = ?""")
                    .params(UUID.randomUUID().toString(), therapist.userId().toString()).update();
            assertThat(handoffs.therapistsOnDuty(organisation)).isZero();

            handoffs.announceDutyLapses();

            // the scheduled check may have been first: either way the waiting screen hears it once
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(personHeard)
                    .containsExactly(new HandoffEvent.DutyChanged(waiting.id(), organisation)));
        } finally {
            screen.cancel();
        }
    }

    private StaffMember therapist() {
        return therapist(OrganisationId.DEFAULT);
    }

    private StaffMember therapist(OrganisationId organisation) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return staff.create("therapeut-" + unique + "@example.org", "een-lang-test-wachtwoord",
                "Therapeut " + unique, Role.THERAPIST, organisation);
    }
}
