package nl.spiegel.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.spiegel.identity.AccountData;
import nl.spiegel.identity.UserId;
import nl.spiegel.identity.Visitor;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.shared.database.DbTime;

@Repository
public class UserRepository {

    public record FoundVisitor(Visitor visitor, Instant lastSeen) {
    }

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<FoundVisitor> findByTokenHash(String hash) {
        return jdbc.sql("SELECT id, organisation_id, last_seen_at FROM users WHERE visitor_token_hash = ?")
                .param(hash)
                .query((rs, row) -> new FoundVisitor(
                        new Visitor(UserId.parse(rs.getString("id")), OrganisationId.parse(rs.getString("organisation_id"))),
                        DbTime.read(rs, "last_seen_at")))
                .optional();
    }

    public Visitor createAnonymous(UserId id, OrganisationId organisation, String hash, Instant now) {
        try {
            jdbc.sql("""
                    INSERT INTO users (id, organisation_id, visitor_token_hash, created_at, last_seen_at)
                    VALUES (?, ?, ?, ?, ?)""")
                    .params(id.toString(), organisation.toString(), hash, DbTime.write(now), DbTime.write(now))
                    .update();
            return new Visitor(id, organisation);
        } catch (DuplicateKeyException raced) {
            // two first requests of the same new visitor arrived together; the other one created the row
            return findByTokenHash(hash).orElseThrow().visitor();
        }
    }

    public void touch(UserId id, Instant now) {
        jdbc.sql("UPDATE users SET last_seen_at = ? WHERE id = ?").params(DbTime.write(now), id.toString()).update();
    }

    /** The exported columns of the account row (see {@link AccountData.Fields}): named one by one, never {@code *}. */
    public Optional<AccountData.Fields> exported(UserId id) {
        return jdbc.sql("""
                SELECT id, organisation_id, created_at, last_seen_at, email, display_name, role, email_verified_at,
                    password_changed_at, totp_enabled_at, second_factor_failures, deactivated_at
                FROM users WHERE id = ?""")
                .param(id.toString())
                .query((rs, row) -> new AccountData.Fields(UserId.parse(rs.getString("id")),
                        OrganisationId.parse(rs.getString("organisation_id")), DbTime.read(rs, "created_at"),
                        DbTime.read(rs, "last_seen_at"), rs.getString("email"), rs.getString("display_name"),
                        rs.getString("role"), DbTime.read(rs, "email_verified_at"),
                        DbTime.read(rs, "password_changed_at"), DbTime.read(rs, "totp_enabled_at"),
                        rs.getInt("second_factor_failures"), DbTime.read(rs, "deactivated_at")))
                .optional();
    }

    /** Deletes the account row; login attempts, account tokens and single sign-on links go with it (cascade). */
    public int delete(UserId id) {
        return jdbc.sql("DELETE FROM users WHERE id = ?").param(id.toString()).update();
    }

    /** Anonymous users (no e-mail address, no staff role) last seen before the cutoff. */
    public List<AccountData.Inactive> inactiveAnonymous(Instant cutoff, int limit) {
        return jdbc.sql("""
                SELECT id, organisation_id FROM users
                WHERE email IS NULL AND (role IS NULL OR role = 'CLIENT') AND last_seen_at < ?
                ORDER BY last_seen_at LIMIT ?""")
                .params(DbTime.write(cutoff), limit)
                .query((rs, row) -> new AccountData.Inactive(UserId.parse(rs.getString("id")),
                        OrganisationId.parse(rs.getString("organisation_id"))))
                .list();
    }

    /** Locks the row when it is still anonymous and inactive since before the cutoff. */
    public boolean lockIfStillInactive(UserId id, Instant cutoff) {
        return jdbc.sql("""
                SELECT id FROM users
                WHERE id = ? AND email IS NULL AND (role IS NULL OR role = 'CLIENT') AND last_seen_at < ?
                FOR UPDATE""")
                .params(id.toString(), DbTime.write(cutoff))
                .query(String.class)
                .optional()
                .isPresent();
    }
}
