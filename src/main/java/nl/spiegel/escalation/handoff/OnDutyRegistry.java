package nl.spiegel.escalation.handoff;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.UserId;
import nl.spiegel.organisation.OrganisationId;

/**
 * Which therapists are on duty right now, in the database ({@code therapists_on_duty}), so every app node sees the
 * same on-duty status. The node that set a therapist on duty, or that holds their open workspace, confirms the row
 * every {@code spiegel.handoff.relay.interval}; a row nobody confirmed within {@code on-duty-stale-after} belongs to a
 * node that stopped and does not count, which errs on the side of telling people honestly that nobody is there.
 * Changed through {@link HandoffService#setOnDuty}, which checks the role.
 *
 * <p>Liveness uses the database server's clock ({@code UTC_TIMESTAMP}), not the application's {@code Clock}: it is
 * about machines being alive, and every node must compare against the same clock.
 */
@Component
public class OnDutyRegistry {

    private static final String LIVE = " seen_at > UTC_TIMESTAMP(6) - INTERVAL ? MICROSECOND";

    private final JdbcClient jdbc;
    private final long staleMicros;
    private final String node = UUID.randomUUID().toString();

    OnDutyRegistry(JdbcClient jdbc, HandoffRelayProperties properties) {
        this.jdbc = jdbc;
        this.staleMicros = properties.onDutyStaleAfter().toNanos() / 1000;
    }

    /** This node's id in the shared tables. */
    String node() {
        return node;
    }

    /** @return whether this changed anything */
    boolean set(StaffMember therapist, boolean on) {
        boolean was = isOnDuty(therapist.userId(), therapist.organisationId());
        if (on) {
            jdbc.sql("""
                    INSERT INTO therapists_on_duty (user_id, organisation_id, node, since, seen_at)
                    VALUES (?, ?, ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))
                    ON DUPLICATE KEY UPDATE since = IF(organisation_id = VALUES(organisation_id)
                            AND seen_at > UTC_TIMESTAMP(6) - INTERVAL ? MICROSECOND, since, VALUES(since)),
                        organisation_id = VALUES(organisation_id), node = VALUES(node), seen_at = VALUES(seen_at)""")
                    .params(therapist.userId().toString(), therapist.organisationId().toString(), node, staleMicros)
                    .update();
            return !was;
        }
        jdbc.sql("DELETE FROM therapists_on_duty WHERE user_id = ?").param(therapist.userId().toString()).update();
        return was;
    }

    /** Off duty, whatever the role is now; the organisation they were on duty for, if they were. */
    OrganisationId clear(UserId therapist) {
        Optional<OrganisationId> organisation = jdbc.sql(
                        "SELECT organisation_id FROM therapists_on_duty WHERE user_id = ? AND" + LIVE)
                .params(therapist.toString(), staleMicros)
                .query((rs, row) -> OrganisationId.parse(rs.getString(1)))
                .optional();
        int removed = jdbc.sql("DELETE FROM therapists_on_duty WHERE user_id = ?").param(therapist.toString())
                .update();
        return removed == 1 ? organisation.orElse(null) : null;
    }

    public boolean isOnDuty(UserId therapist) {
        return jdbc.sql("SELECT COUNT(*) FROM therapists_on_duty WHERE user_id = ? AND" + LIVE)
                .params(therapist.toString(), staleMicros)
                .query(Integer.class).single() > 0;
    }

    /** On duty for this organisation. */
    public boolean isOnDuty(UserId therapist, OrganisationId organisation) {
        return jdbc.sql("SELECT COUNT(*) FROM therapists_on_duty WHERE user_id = ? AND organisation_id = ? AND" + LIVE)
                .params(therapist.toString(), organisation.toString(), staleMicros)
                .query(Integer.class).single() > 0;
    }

    /** The organisations with at least one therapist on duty right now. */
    Set<OrganisationId> staffed() {
        return Set.copyOf(jdbc.sql("SELECT DISTINCT organisation_id FROM therapists_on_duty WHERE" + LIVE)
                .param(staleMicros)
                .query((rs, row) -> OrganisationId.parse(rs.getString(1)))
                .list());
    }

    public int count(OrganisationId organisation) {
        return jdbc.sql("SELECT COUNT(*) FROM therapists_on_duty WHERE organisation_id = ? AND" + LIVE)
                .params(organisation.toString(), staleMicros)
                .query(Integer.class).single();
    }

    /**
     * Confirms the rows this node set, and takes over the rows of the therapists whose workspace is open here (their
     * node may have stopped and the load balancer sent them to this one).
     */
    void confirm(Collection<UserId> workspacesHere) {
        // an update of no rows (nobody on duty here) changes nothing and is not replicated
        jdbc.sql("UPDATE therapists_on_duty SET seen_at = UTC_TIMESTAMP(6) WHERE node = ?")
                .param(node).update();
        for (UserId therapist : workspacesHere) {
            jdbc.sql("""
                    UPDATE therapists_on_duty SET seen_at = UTC_TIMESTAMP(6), node = ?
                    WHERE user_id = ? AND node <> ?""")
                    .params(node, therapist.toString(), node).update();
        }
    }
}
