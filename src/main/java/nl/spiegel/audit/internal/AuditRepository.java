package nl.spiegel.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.spiegel.audit.AuditAction;
import nl.spiegel.audit.AuditEntry;
import nl.spiegel.audit.AuditQuery;
import nl.spiegel.identity.UserId;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.shared.crypto.FieldCipher;
import nl.spiegel.shared.database.DbTime;

/**
 * The audit trail's tables. Deliberately only inserts and queries for audit_events (the database refuses updates and
 * deletes anyway); the one delete is forgetting a person's pseudonym, which the database only allows once the person
 * no longer exists.
 */
@Repository
public class AuditRepository {

    /** A person's stand-in on the trail, with the key their network addresses are encrypted with. */
    public record Pseudonym(String ref, byte[] addressKey) {
        @Override
        public String toString() {
            return "Pseudonym[" + ref + "]";
        }
    }

    /** What to store; the person columns hold pseudonyms. */
    public record Row(Instant occurredAt, String actorRef, String actorRole, String onBehalfOfRef, String subjectRef,
                      OrganisationId organisation, String recordType, String recordId, AuditAction action,
                      byte[] clientAddress, String sessionRef) {
    }

    private static final String SELECT = """
            SELECT e.id, e.occurred_at, e.actor_ref, e.actor_role, e.on_behalf_of_ref, e.subject_ref,
                   e.organisation_id, e.record_type, e.record_id, e.action, e.client_address, e.session_ref,
                   a.user_id AS actor_user_id, a.address_key AS actor_key, a.address_key_id AS actor_key_id,
                   b.user_id AS on_behalf_of_user_id,
                   s.user_id AS subject_user_id
            FROM audit_events e
            LEFT JOIN audit_pseudonyms a ON a.pseudonym = e.actor_ref
            LEFT JOIN audit_pseudonyms b ON b.pseudonym = e.on_behalf_of_ref
            LEFT JOIN audit_pseudonyms s ON s.pseudonym = e.subject_ref
            """;

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    AuditRepository(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public Optional<Pseudonym> findPseudonym(UserId user) {
        return jdbc.sql("SELECT pseudonym, address_key, address_key_id FROM audit_pseudonyms WHERE user_id = ?")
                .param(user.toString())
                .query(this::pseudonym)
                .optional();
    }

    private Pseudonym pseudonym(ResultSet rs, int row) throws SQLException {
        String ref = rs.getString("pseudonym");
        return new Pseudonym(ref, unwrap(ref, rs.getBytes("address_key"), rs.getString("address_key_id")));
    }

    /**
     * The person's address key. Keys stored before they were wrapped (NULL key id) are used as they are until the
     * key rotation wraps them; they are keys, not anything a person wrote.
     */
    private byte[] unwrap(String pseudonym, byte[] stored, String keyId) {
        if (stored == null || keyId == null) {
            return stored;
        }
        return cipher.decrypt(AuditEncryptedColumns.ADDRESS_KEY, pseudonym, stored, keyId);
    }

    /** The person's pseudonym, made on first use. */
    public Pseudonym pseudonymOf(UserId user, Instant now) {
        return findPseudonym(user).orElseGet(() -> {
            Pseudonym fresh = new Pseudonym(UUID.randomUUID().toString(), AddressCipher.newKey());
            try {
                jdbc.sql("""
                                INSERT INTO audit_pseudonyms (user_id, pseudonym, address_key, address_key_id, created_at)
                                VALUES (?, ?, ?, ?, ?)""")
                        .params(user.toString(), fresh.ref(),
                                cipher.encrypt(AuditEncryptedColumns.ADDRESS_KEY, fresh.ref(), fresh.addressKey()),
                                cipher.activeKeyId(), DbTime.write(now))
                        .update();
                return fresh;
            } catch (DuplicateKeyException raced) {
                // another transaction made it at the same moment; a locking read sees its committed row
                return jdbc.sql("""
                        SELECT pseudonym, address_key, address_key_id FROM audit_pseudonyms WHERE user_id = ?
                        LOCK IN SHARE MODE""")
                        .param(user.toString())
                        .query(this::pseudonym)
                        .single();
            }
        });
    }

    /** The address, encrypted with the actor's own key so that forgetting the actor makes it unreadable. */
    public byte[] encryptAddress(String address, Pseudonym actor) {
        return AddressCipher.encrypt(address, actor.addressKey(), actor.ref());
    }

    public void insert(Row row) {
        jdbc.sql("""
                INSERT INTO audit_events (occurred_at, actor_ref, actor_role, on_behalf_of_ref, subject_ref,
                    organisation_id, record_type, record_id, action, client_address, session_ref)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(DbTime.write(row.occurredAt()), row.actorRef(), row.actorRole(), row.onBehalfOfRef(),
                        row.subjectRef(), row.organisation() == null ? null : row.organisation().toString(),
                        row.recordType(), row.recordId(), row.action().name(), row.clientAddress(), row.sessionRef())
                .update();
    }

    /**
     * Entries matching the query, newest first.
     *
     * @param organisation when not null, only entries of this organisation (an ORG_ADMIN's scope)
     */
    public List<AuditEntry> search(AuditQuery query, OrganisationId organisation) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (organisation != null) {
            where.append(" AND e.organisation_id = ?");
            params.add(organisation.toString());
        }
        if (query.from() != null) {
            where.append(" AND e.occurred_at >= ?");
            params.add(DbTime.write(query.from()));
        }
        if (query.until() != null) {
            where.append(" AND e.occurred_at < ?");
            params.add(DbTime.write(query.until()));
        }
        if (query.actor() != null) {
            where.append(" AND a.user_id = ?");
            params.add(query.actor().toString());
        }
        if (query.subject() != null) {
            where.append(" AND s.user_id = ?");
            params.add(query.subject().toString());
        }
        if (query.action() != null) {
            where.append(" AND e.action = ?");
            params.add(query.action().name());
        }
        params.add(query.limit());
        return jdbc.sql(SELECT + where + " ORDER BY e.id DESC LIMIT ?")
                .params(params)
                .query(this::map)
                .list();
    }

    /** Every entry about this person, newest first. */
    public List<AuditEntry> aboutSubject(UserId subject, int limit) {
        return jdbc.sql(SELECT + " WHERE s.user_id = ? ORDER BY e.id DESC LIMIT ?")
                .params(subject.toString(), limit)
                .query(this::map)
                .list();
    }

    /**
     * Deletes the person's pseudonym, which anonymises every entry that mentions them. The database refuses this
     * while the person still has a user row (trigger audit_pseudonyms_forget_only_deleted).
     */
    public int forget(UserId user) {
        return jdbc.sql("DELETE FROM audit_pseudonyms WHERE user_id = ?").param(user.toString()).update();
    }

    private AuditEntry map(ResultSet rs, int row) throws SQLException {
        String actorRef = rs.getString("actor_ref");
        String actorId = rs.getString("actor_user_id");
        String subjectRef = rs.getString("subject_ref");
        String subjectId = rs.getString("subject_user_id");
        String onBehalfOfId = rs.getString("on_behalf_of_user_id");
        String organisation = rs.getString("organisation_id");
        return new AuditEntry(rs.getLong("id"), DbTime.read(rs, "occurred_at"),
                actorId == null ? null : UserId.parse(actorId), rs.getString("actor_role"),
                actorRef != null && actorId == null,
                onBehalfOfId == null ? null : UserId.parse(onBehalfOfId),
                subjectId == null ? null : UserId.parse(subjectId), subjectRef != null && subjectId == null,
                organisation == null ? null : OrganisationId.parse(organisation), rs.getString("record_type"),
                rs.getString("record_id"), AuditAction.valueOf(rs.getString("action")),
                AddressCipher.decrypt(rs.getBytes("client_address"), actorKey(rs, actorRef), actorRef),
                rs.getString("session_ref"));
    }

    /** The actor's address key; null when it is forgotten or cannot be unwrapped (the address then shows as unknown). */
    private byte[] actorKey(ResultSet rs, String actorRef) throws SQLException {
        try {
            return unwrap(actorRef, rs.getBytes("actor_key"), rs.getString("actor_key_id"));
        } catch (FieldCipher.DecryptionException e) {
            return null;
        }
    }
}
