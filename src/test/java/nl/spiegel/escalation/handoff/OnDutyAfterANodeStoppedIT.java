package nl.spiegel.escalation.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.identity.Role;
import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.organisation.OrganisationId;

/**
 * A node that stopped (crashed, killed) cannot take its therapists off duty itself: their on-duty rows stop being
 * confirmed and no longer count, so people are not told that someone is there. When the therapist's workspace is
 * open on a node that runs (the load balancer moved them), that node takes the row over.
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

    private StaffMember therapist() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return staff.create("therapeut-" + unique + "@example.org", "een-lang-test-wachtwoord",
                "Therapeut " + unique, Role.THERAPIST, OrganisationId.DEFAULT);
    }
}
