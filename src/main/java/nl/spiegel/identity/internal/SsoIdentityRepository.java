package nl.spiegel.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.spiegel.identity.AccountData;
import nl.spiegel.identity.Role;
import nl.spiegel.identity.UserId;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.shared.database.DbTime;

/**
 * Accounts reached through an organisation's single sign-on: the (issuer, subject) links in {@code sso_identities}
 * and the few account changes a login through a provider makes in {@code users}.
 */
@Repository
public class SsoIdentityRepository {

    /** A linked account as the login needs it. */
    public record LinkedAccount(UserId userId, OrganisationId organisationId, Role role, String email,
                                String displayName, boolean deactivated) {

        @Override
        public String toString() {
            return "LinkedAccount[" + userId + ", " + role + "]";
        }
    }

    private static final String ACCOUNT_COLUMNS =
            "u.id, u.organisation_id, u.role, u.email, u.display_name, u.deactivated_at";

    private final JdbcClient jdbc;

    SsoIdentityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The account linked to this person of this provider, in any organisation (the caller checks which). */
    public Optional<LinkedAccount> findLinked(String issuer, String subject) {
        return jdbc.sql("SELECT " + ACCOUNT_COLUMNS + " FROM sso_identities i JOIN users u ON u.id = i.user_id"
                        + " WHERE i.issuer = ? AND i.subject = ?")
                .params(issuer, subject).query(SsoIdentityRepository::map).optional();
    }

    /** The account with this address, also one without a password (made by single sign-on). */
    public Optional<LinkedAccount> findByEmail(String email) {
        return jdbc.sql("SELECT " + ACCOUNT_COLUMNS + " FROM users u WHERE u.email = ?").param(email)
                .query(SsoIdentityRepository::map).optional();
    }

    /** The pseudonymous visitor behind a visitor token hash, only while it has no account. */
    public Optional<LinkedAccount> findAnonymousVisitor(String tokenHash) {
        return jdbc.sql("SELECT " + ACCOUNT_COLUMNS + " FROM users u WHERE u.visitor_token_hash = ?"
                        + " AND u.email IS NULL")
                .param(tokenHash).query(SsoIdentityRepository::map).optional();
    }

    /** The person's links, oldest first, for their data export. */
    public List<AccountData.SsoLink> linksOf(UserId user) {
        return jdbc.sql("""
                        SELECT issuer, subject, created_at, last_login_at FROM sso_identities
                        WHERE user_id = ? ORDER BY created_at""")
                .param(user.toString())
                .query((rs, row) -> new AccountData.SsoLink(rs.getString("issuer"), rs.getString("subject"),
                        DbTime.read(rs, "created_at"), DbTime.read(rs, "last_login_at")))
                .list();
    }

    public void link(String issuer, String subject, UserId user, OrganisationId organisation, Instant now) {
        jdbc.sql("""
                        INSERT INTO sso_identities (issuer, subject, user_id, organisation_id, created_at, last_login_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(issuer, subject, user.toString(), organisation.toString(), DbTime.write(now),
                        DbTime.write(now))
                .update();
    }

    public void touch(String issuer, String subject, Instant now) {
        jdbc.sql("UPDATE sso_identities SET last_login_at = ? WHERE issuer = ? AND subject = ?")
                .params(DbTime.write(now), issuer, subject).update();
    }

    /** A new account without a password: it can only log in through the provider (or after a password reset). */
    public void insertAccount(UserId id, OrganisationId organisation, String email, String displayName, Role role,
                              Instant now) {
        jdbc.sql("""
                        INSERT INTO users (id, organisation_id, visitor_token_hash, created_at, last_seen_at, email,
                            password_hash, role, display_name, email_verified_at)
                        VALUES (?, ?, NULL, ?, ?, ?, NULL, ?, ?, ?)""")
                .params(id.toString(), organisation.toString(), DbTime.write(now), DbTime.write(now), email,
                        role.name(), displayName, DbTime.write(now))
                .update();
    }

    /**
     * Turns the visitor's own pseudonymous row into the account, so what they did before logging in stays theirs
     * (as registering does).
     */
    public boolean claimVisitor(UserId id, String email, String displayName, Role role, Instant now) {
        return jdbc.sql("""
                        UPDATE users SET email = ?, display_name = ?, role = ?, email_verified_at = ?,
                            visitor_token_hash = NULL, last_seen_at = ?
                        WHERE id = ? AND email IS NULL""")
                .params(email, displayName, role.name(), DbTime.write(now), DbTime.write(now), id.toString())
                .update() == 1;
    }

    /** The role the organisation's provider gives now; never touches a platform admin. */
    public void updateRole(UserId id, Role role) {
        jdbc.sql("UPDATE users SET role = ? WHERE id = ? AND role <> 'PLATFORM_ADMIN'")
                .params(role.name(), id.toString()).update();
    }

    private static LinkedAccount map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        String role = rs.getString("role");
        return new LinkedAccount(UserId.parse(rs.getString("id")), OrganisationId.parse(rs.getString("organisation_id")),
                role == null ? Role.CLIENT : Role.valueOf(role), rs.getString("email"), rs.getString("display_name"),
                rs.getTimestamp("deactivated_at") != null);
    }
}
