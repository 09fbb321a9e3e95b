package nl.spiegel.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.spiegel.identity.Role;
import nl.spiegel.identity.UserId;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.shared.database.DbTime;

/** Accounts in the users table: rows with an e-mail address and a password hash, of any role. */
@Repository
public class AccountRepository {

    /** What the identity module needs to know about an account. The hash and the secret never leave the module. */
    public record AccountRow(UserId userId, OrganisationId organisationId, Role role, String email,
                             String displayName, String passwordHash, Instant emailVerifiedAt, byte[] totpSecret,
                             String totpKeyId, Instant totpEnabledAt, Long totpLastStep) {

        public boolean totpEnabled() {
            return totpEnabledAt != null && totpSecret != null;
        }

        @Override
        public String toString() {
            // no address, hash or secret: rows end up in logs and debug output
            return "AccountRow[" + userId + ", " + role + "]";
        }
    }

    private static final String COLUMNS = "id, organisation_id, role, email, display_name, password_hash, "
            + "email_verified_at, totp_secret, totp_key_id, totp_enabled_at, totp_last_step";

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<AccountRow> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE email = ? AND password_hash IS NOT NULL"
                        // a deactivated account can neither log in nor reset its password
                        + " AND deactivated_at IS NULL")
                .param(email)
                .query(AccountRepository::map)
                .optional();
    }

    public Optional<AccountRow> findById(UserId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = ? AND email IS NOT NULL")
                .param(id.toString())
                .query(AccountRepository::map)
                .optional();
    }

    /** The ids of the rows with one of these addresses, whatever their state. */
    public List<UserId> idsByEmail(List<String> emails) {
        return jdbc.sql("SELECT id FROM users WHERE email IN (:emails) ORDER BY email")
                .param("emails", emails)
                .query((rs, row) -> UserId.parse(rs.getString("id")))
                .list();
    }

    /** A client account made directly, without a visitor row to claim; only for the demo client. */
    public void insertClient(UserId id, OrganisationId organisation, String email, String passwordHash, Instant now) {
        jdbc.sql("""
                        INSERT INTO users (id, organisation_id, visitor_token_hash, created_at, last_seen_at, email,
                            password_hash, role, email_verified_at, password_changed_at)
                        VALUES (?, ?, NULL, ?, ?, ?, ?, 'CLIENT', ?, ?)""")
                .params(id.toString(), organisation.toString(), DbTime.write(now), DbTime.write(now), email,
                        passwordHash, DbTime.write(now), DbTime.write(now))
                .update();
    }

    public boolean emailInUse(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE email = ?").param(email).query(Integer.class).single() > 0;
    }

    /** Whether the user has no address yet: an anonymous visitor who can still register. */
    public boolean isAnonymous(UserId id) {
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE id = ? AND email IS NULL").param(id.toString())
                .query(Integer.class).single() > 0;
    }

    /**
     * Turns the visitor's own pseudonymous row into an account, so everything they did stays theirs. The visitor
     * cookie no longer leads to it: from now on the account is reached by logging in.
     *
     * @return false when the row already is an account
     * @throws org.springframework.dao.DuplicateKeyException when the address belongs to another account
     */
    public boolean claim(UserId id, String email, String passwordHash, Instant now) {
        return jdbc.sql("""
                        UPDATE users SET email = ?, password_hash = ?, email_verified_at = ?, password_changed_at = ?,
                            role = 'CLIENT', visitor_token_hash = NULL
                        WHERE id = ? AND email IS NULL""")
                .params(email, passwordHash, DbTime.write(now), DbTime.write(now), id.toString())
                .update() == 1;
    }

    public void updatePassword(UserId id, String passwordHash, Instant now) {
        jdbc.sql("UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?")
                .params(passwordHash, DbTime.write(now), id.toString()).update();
    }

    /** Stores a new secret that is not used for logging in until {@link #enableTotp} confirms it. */
    public void storePendingTotp(UserId id, byte[] encryptedSecret, String keyId) {
        jdbc.sql("""
                        UPDATE users SET totp_secret = ?, totp_key_id = ?, totp_enabled_at = NULL, totp_last_step = NULL
                        WHERE id = ?""")
                .params(encryptedSecret, keyId, id.toString()).update();
    }

    /** Stores a secret that is in use at once (demo accounts with their published secret). */
    public void storeEnabledTotp(UserId id, byte[] encryptedSecret, String keyId, Instant now) {
        jdbc.sql("""
                        UPDATE users SET totp_secret = ?, totp_key_id = ?, totp_enabled_at = ?, totp_last_step = NULL
                        WHERE id = ?""")
                .params(encryptedSecret, keyId, DbTime.write(now), id.toString()).update();
    }

    public void enableTotp(UserId id, Instant now) {
        jdbc.sql("UPDATE users SET totp_enabled_at = ? WHERE id = ? AND totp_secret IS NOT NULL")
                .params(DbTime.write(now), id.toString()).update();
    }

    public void disableTotp(UserId id) {
        jdbc.sql("""
                        UPDATE users SET totp_secret = NULL, totp_key_id = NULL, totp_enabled_at = NULL,
                            totp_last_step = NULL
                        WHERE id = ?""")
                .param(id.toString()).update();
    }

    /**
     * Records that a code of this step was used. Only one caller can win for a step, also when the same code arrives
     * twice at the same moment: a code works once.
     */
    public boolean useTotpStep(UserId id, long step) {
        return jdbc.sql("""
                        UPDATE users SET totp_last_step = ?
                        WHERE id = ? AND (totp_last_step IS NULL OR totp_last_step < ?)""")
                .params(step, id.toString(), step).update() == 1;
    }

    /** Consecutive wrong codes in the second step; read under the account's login lock. */
    public int secondFactorFailures(UserId id) {
        return jdbc.sql("SELECT second_factor_failures FROM users WHERE id = ?").param(id.toString())
                .query(Integer.class).optional().orElse(0);
    }

    /** One more wrong code, counted in the database so every node sees it. */
    public void countSecondFactorFailure(UserId id) {
        jdbc.sql("UPDATE users SET second_factor_failures = second_factor_failures + 1 WHERE id = ?")
                .param(id.toString()).update();
    }

    /** A right code, a password reset by mail or an administrator unlocks the second step. */
    public void clearSecondFactorFailures(UserId id) {
        jdbc.sql("UPDATE users SET second_factor_failures = 0 WHERE id = ? AND second_factor_failures <> 0")
                .param(id.toString()).update();
    }

    public void touch(UserId id, Instant now) {
        jdbc.sql("UPDATE users SET last_seen_at = ? WHERE id = ?").params(DbTime.write(now), id.toString()).update();
    }

    private static AccountRow map(ResultSet rs, int row) throws SQLException {
        long step = rs.getLong("totp_last_step");
        Long lastStep = rs.wasNull() ? null : step;
        String role = rs.getString("role");
        return new AccountRow(UserId.parse(rs.getString("id")), OrganisationId.parse(rs.getString("organisation_id")),
                role == null ? Role.CLIENT : Role.valueOf(role), rs.getString("email"), rs.getString("display_name"),
                rs.getString("password_hash"), DbTime.read(rs, "email_verified_at"), rs.getBytes("totp_secret"),
                rs.getString("totp_key_id"), DbTime.read(rs, "totp_enabled_at"), lastStep);
    }
}
