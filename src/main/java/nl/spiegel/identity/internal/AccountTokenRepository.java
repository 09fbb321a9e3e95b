package nl.spiegel.identity.internal;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.spiegel.identity.UserId;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.shared.database.DbTime;

/** Single-use links sent by e-mail, stored as hashes. */
@Repository
public class AccountTokenRepository {

    public enum Purpose { VERIFY_EMAIL, RESET_PASSWORD }

    public record StoredToken(String tokenHash, Purpose purpose, UserId userId, OrganisationId organisationId,
                              String email, String passwordHash, Instant createdAt, Instant expiresAt,
                              Instant usedAt) {

        public boolean usableAt(Instant now) {
            return usedAt == null && now.isBefore(expiresAt);
        }

        @Override
        public String toString() {
            return "StoredToken[" + purpose + ", " + userId + "]";
        }
    }

    private final JdbcClient jdbc;

    AccountTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String tokenHash, Purpose purpose, UserId userId, OrganisationId organisation, String email,
                       String passwordHash, Instant now, Instant expires) {
        jdbc.sql("""
                        INSERT INTO account_tokens (token_hash, purpose, user_id, organisation_id, email, password_hash,
                            created_at, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tokenHash, purpose.name(), userId.toString(), organisation.toString(), email, passwordHash,
                        DbTime.write(now), DbTime.write(expires))
                .update();
    }

    public Optional<StoredToken> find(String tokenHash, Purpose purpose) {
        return jdbc.sql("""
                        SELECT token_hash, purpose, user_id, organisation_id, email, password_hash, created_at,
                            expires_at, used_at
                        FROM account_tokens WHERE token_hash = ? AND purpose = ?""")
                .params(tokenHash, purpose.name())
                .query((rs, row) -> new StoredToken(rs.getString("token_hash"), Purpose.valueOf(rs.getString("purpose")),
                        UserId.parse(rs.getString("user_id")), OrganisationId.parse(rs.getString("organisation_id")),
                        rs.getString("email"), rs.getString("password_hash"), DbTime.read(rs, "created_at"),
                        DbTime.read(rs, "expires_at"), DbTime.read(rs, "used_at")))
                .optional();
    }

    /** Marks the token used; only one caller can win, so a link works exactly once. */
    public boolean use(String tokenHash, Instant now) {
        return jdbc.sql("UPDATE account_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?")
                .params(DbTime.write(now), tokenHash, DbTime.write(now))
                .update() == 1;
    }

    /** Ends every open link of this kind for the user, for example older reset links once one was used. */
    public void useAll(UserId userId, Purpose purpose, Instant now) {
        jdbc.sql("UPDATE account_tokens SET used_at = ? WHERE user_id = ? AND purpose = ? AND used_at IS NULL")
                .params(DbTime.write(now), userId.toString(), purpose.name())
                .update();
    }
}
