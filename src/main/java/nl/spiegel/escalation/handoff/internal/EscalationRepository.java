package nl.spiegel.escalation.handoff.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import nl.spiegel.dialogue.SessionId;
import nl.spiegel.escalation.handoff.Author;
import nl.spiegel.escalation.handoff.CallbackRequest;
import nl.spiegel.escalation.handoff.Escalation;
import nl.spiegel.escalation.handoff.EscalationId;
import nl.spiegel.escalation.handoff.EscalationStatus;
import nl.spiegel.escalation.handoff.HandoffMessage;
import nl.spiegel.identity.UserId;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.risk.RiskLevel;
import nl.spiegel.shared.crypto.FieldCipher;
import nl.spiegel.shared.database.DbTime;

/**
 * Escalations and their live messages. Status changes are conditional updates (WHERE status = ...), so two
 * therapists accepting at once, or an accept racing the timeout, end with exactly one winner. Free text (chat
 * messages, the contact request, the outcome note) is stored encrypted next to the id of its key; a NULL key id marks
 * plaintext from before encryption, read as it is.
 */
@Repository
public class EscalationRepository {

    private static final String COLUMNS = """
            id, organisation_id, user_id, session_id, risk_level, rule_ids, status, requested_at, accepted_by,
            accepted_at, timed_out_at, closed_at, contact_left_at, share_alert""";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM escalations ";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    EscalationRepository(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public void insert(Escalation escalation) {
        jdbc.sql("""
                INSERT INTO escalations (id, organisation_id, user_id, session_id, risk_level, rule_ids, status,
                    requested_at, share_alert)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(escalation.id().toString(), escalation.organisationId().toString(),
                        escalation.person().toString(),
                        escalation.session() == null ? null : escalation.session().toString(),
                        escalation.level().name(), String.join(",", escalation.ruleIds()), escalation.status().name(),
                        DbTime.write(escalation.requestedAt()), escalation.sharesAlert())
                .update();
    }

    /** The person's own choice, changed while the request waits or the conversation is live. */
    public boolean setSharesAlert(EscalationId id, UserId person, boolean share) {
        return jdbc.sql("""
                UPDATE escalations SET share_alert = ?
                WHERE id = ? AND user_id = ? AND status IN ('REQUESTED', 'ACCEPTED')""")
                .params(share, id.toString(), person.toString())
                .update() == 1;
    }

    /** The person's latest escalation that came from this dialogue session, whatever its status. */
    public Optional<Escalation> findLatest(UserId person, SessionId session) {
        return jdbc.sql(SELECT + "WHERE user_id = ? AND session_id = ? ORDER BY requested_at DESC LIMIT 1")
                .params(person.toString(), session.toString())
                .query(EscalationRepository::map)
                .optional();
    }

    public Optional<Escalation> find(EscalationId id) {
        return jdbc.sql(SELECT + "WHERE id = ?")
                .param(id.toString())
                .query(EscalationRepository::map)
                .optional();
    }

    /** All of the person's requests, oldest first. */
    public List<Escalation> findAll(UserId person) {
        return jdbc.sql(SELECT + "WHERE user_id = ? ORDER BY requested_at")
                .param(person.toString())
                .query(EscalationRepository::map)
                .list();
    }

    /** Deletes all of the person's requests with their messages. */
    public int deleteAll(UserId person) {
        String user = person.toString();
        int rows = jdbc.sql("""
                DELETE FROM escalation_messages
                WHERE escalation_id IN (SELECT id FROM escalations WHERE user_id = ?)""").param(user).update();
        return rows + jdbc.sql("DELETE FROM escalations WHERE user_id = ?").param(user).update();
    }

    /** The person's request that is still waiting or live, if any. */
    public Optional<Escalation> findOpen(UserId person) {
        return jdbc.sql(SELECT + """
                        WHERE user_id = ? AND status IN ('REQUESTED', 'ACCEPTED')
                        ORDER BY requested_at DESC LIMIT 1""")
                .param(person.toString())
                .query(EscalationRepository::map)
                .optional();
    }

    /** Oldest first: the one waiting longest is helped first. */
    public List<Escalation> findByStatus(OrganisationId organisation, EscalationStatus status) {
        return jdbc.sql(SELECT + "WHERE organisation_id = ? AND status = ? ORDER BY requested_at")
                .params(organisation.toString(), status.name())
                .query(EscalationRepository::map)
                .list();
    }

    public List<Escalation> findAccepted(UserId therapist) {
        return jdbc.sql(SELECT + "WHERE accepted_by = ? AND status = 'ACCEPTED' ORDER BY accepted_at DESC")
                .param(therapist.toString())
                .query(EscalationRepository::map)
                .list();
    }

    public List<Escalation> findRequestedBefore(Instant cutoff) {
        return jdbc.sql(SELECT + "WHERE status = 'REQUESTED' AND requested_at <= ? ORDER BY requested_at")
                .param(DbTime.write(cutoff))
                .query(EscalationRepository::map)
                .list();
    }

    /** True when this therapist won; false when it was no longer waiting (accepted elsewhere, timed out). */
    public boolean accept(EscalationId id, OrganisationId organisation, UserId therapist, Instant now) {
        return jdbc.sql("""
                UPDATE escalations SET status = 'ACCEPTED', accepted_by = ?, accepted_at = ?
                WHERE id = ? AND organisation_id = ? AND status = 'REQUESTED'""")
                .params(therapist.toString(), DbTime.write(now), id.toString(), organisation.toString())
                .update() == 1;
    }

    /** The latest committed status (a locking read), also inside a transaction that read an older snapshot. */
    public Optional<EscalationStatus> currentStatus(EscalationId id) {
        return jdbc.sql("SELECT status FROM escalations WHERE id = ? LOCK IN SHARE MODE")
                .param(id.toString())
                .query((rs, row) -> EscalationStatus.valueOf(rs.getString("status")))
                .optional();
    }

    public boolean timeOut(EscalationId id, Instant now) {
        return jdbc.sql("""
                UPDATE escalations SET status = 'TIMED_OUT', timed_out_at = ?
                WHERE id = ? AND status = 'REQUESTED'""")
                .params(DbTime.write(now), id.toString())
                .update() == 1;
    }

    public boolean close(EscalationId id, EscalationStatus expected, UserId therapist, String outcomeNote,
                         Instant now) {
        return jdbc.sql("""
                UPDATE escalations SET status = 'CLOSED', closed_by = ?, closed_at = ?, outcome_note = ?,
                    outcome_note_key_id = ?
                WHERE id = ? AND status = ?""")
                .params(therapist.toString(), DbTime.write(now),
                        cipher.encrypt(HandoffEncryptedColumns.OUTCOME_NOTE, id.toString(), outcomeNote),
                        outcomeNote == null ? null : cipher.activeKeyId(), id.toString(), expected.name())
                .update() == 1;
    }

    public boolean saveContact(EscalationId id, UserId person, String contact, Instant now) {
        return jdbc.sql("""
                UPDATE escalations SET contact_request = ?, key_id = ?, contact_left_at = ?
                WHERE id = ? AND user_id = ? AND status IN ('REQUESTED', 'TIMED_OUT')""")
                .params(cipher.encrypt(HandoffEncryptedColumns.CONTACT_REQUEST, id.toString(), contact),
                        contact == null ? null : cipher.activeKeyId(), DbTime.write(now), id.toString(),
                        person.toString())
                .update() == 1;
    }

    public Optional<String> contactRequest(EscalationId id) {
        return jdbc.sql("SELECT id, contact_request, key_id FROM escalations WHERE id = ?")
                .param(id.toString())
                .query((rs, row) -> contactRequest(rs))
                .optional();
    }

    /** The therapist who closed the handoff, once it is closed. */
    public Optional<UserId> closedBy(EscalationId id) {
        return jdbc.sql("SELECT closed_by FROM escalations WHERE id = ? AND closed_by IS NOT NULL")
                .param(id.toString())
                .query((rs, row) -> UserId.parse(rs.getString("closed_by")))
                .optional();
    }

    public Optional<String> outcomeNote(EscalationId id) {
        return jdbc.sql("SELECT outcome_note, outcome_note_key_id FROM escalations WHERE id = ?")
                .param(id.toString())
                .query((rs, row) -> cipher.decryptToString(HandoffEncryptedColumns.OUTCOME_NOTE, id.toString(),
                        rs.getBytes("outcome_note"), rs.getString("outcome_note_key_id")))
                .optional();
    }

    /** Timed-out requests where the person left a way to be contacted and nobody closed them yet. */
    public List<CallbackRequest> callbacks(OrganisationId organisation) {
        return jdbc.sql("SELECT " + COLUMNS + ", contact_request, key_id FROM escalations " + """
                        WHERE organisation_id = ? AND status = 'TIMED_OUT' AND contact_request IS NOT NULL
                        ORDER BY contact_left_at""")
                .param(organisation.toString())
                .query((rs, row) -> new CallbackRequest(map(rs, row), contactRequest(rs)))
                .list();
    }

    public long insertMessage(EscalationId escalation, OrganisationId organisation, Author author, String text,
                              Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO escalation_messages (escalation_id, organisation_id, author, body, key_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(escalation.toString(), organisation.toString(), author.name(),
                        cipher.encrypt(HandoffEncryptedColumns.MESSAGE_BODY, escalation.toString(), text),
                        cipher.activeKeyId(),
                        DbTime.write(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public List<HandoffMessage> messages(EscalationId escalation) {
        return jdbc.sql("""
                SELECT id, author, body, key_id, created_at FROM escalation_messages WHERE escalation_id = ?
                ORDER BY id""")
                .param(escalation.toString())
                .query((rs, row) -> new HandoffMessage(rs.getLong("id"), escalation,
                        Author.valueOf(rs.getString("author")),
                        cipher.decryptToString(HandoffEncryptedColumns.MESSAGE_BODY, escalation.toString(),
                                rs.getBytes("body"), rs.getString("key_id")),
                        DbTime.read(rs, "created_at")))
                .list();
    }

    /** The row's key_id belongs to the contact request (see {@link HandoffEncryptedColumns}). */
    private String contactRequest(ResultSet rs) throws SQLException {
        return cipher.decryptToString(HandoffEncryptedColumns.CONTACT_REQUEST, rs.getString("id"),
                rs.getBytes("contact_request"), rs.getString("key_id"));
    }

    private static Escalation map(ResultSet rs, int row) throws SQLException {
        String session = rs.getString("session_id");
        String acceptedBy = rs.getString("accepted_by");
        String ruleIds = rs.getString("rule_ids");
        return new Escalation(EscalationId.parse(rs.getString("id")),
                OrganisationId.parse(rs.getString("organisation_id")), UserId.parse(rs.getString("user_id")),
                session == null ? null : SessionId.parse(session), RiskLevel.valueOf(rs.getString("risk_level")),
                ruleIds == null || ruleIds.isEmpty() ? List.of() : Arrays.asList(ruleIds.split(",")),
                EscalationStatus.valueOf(rs.getString("status")), DbTime.read(rs, "requested_at"),
                acceptedBy == null ? null : UserId.parse(acceptedBy), null, DbTime.read(rs, "accepted_at"),
                DbTime.read(rs, "timed_out_at"), DbTime.read(rs, "closed_at"),
                DbTime.read(rs, "contact_left_at") != null, rs.getBoolean("share_alert"));
    }
}
