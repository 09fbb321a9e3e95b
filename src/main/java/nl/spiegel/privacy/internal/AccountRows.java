package nl.spiegel.privacy.internal;

import java.sql.ResultSetMetaData;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.spiegel.identity.UserId;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.shared.database.DbTime;

/**
 * The person's row in the users table, for export, deletion and retention.
 *
 * <p>This is the one place where the privacy module reads another module's table: the identity module cannot offer
 * a {@link nl.spiegel.privacy.PersonalDataContributor} itself, because this module depends on identity (the current
 * visitor, user ids), and the dependency the other way would be a cycle. Once identity offers export and deletion of
 * an account in its own API, this class should call that instead.
 */
@Repository
public class AccountRows {

    /**
     * Columns never exported: credentials and what is derived from them (password and visitor-token hashes, the
     * TOTP secret, its key id and its last used step). Dates such as password_changed_at are account fields and stay.
     */
    private static final Pattern SECRET = Pattern.compile("hash|secret|token|key_id|last_step|recovery",
            Pattern.CASE_INSENSITIVE);

    /** An anonymous user the retention job may delete. */
    public record Inactive(UserId userId, OrganisationId organisation) {
    }

    private final JdbcClient jdbc;

    AccountRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Every column of the person's user row except credentials, with camelCase names; empty when there is no row.
     * Reads all columns rather than a fixed list, so account fields added later are exported too.
     */
    public Optional<Map<String, Object>> export(UserId user) {
        return jdbc.sql("SELECT * FROM users WHERE id = ?")
                .param(user.toString())
                .query((rs, row) -> {
                    Map<String, Object> fields = new LinkedHashMap<>();
                    ResultSetMetaData meta = rs.getMetaData();
                    for (int column = 1; column <= meta.getColumnCount(); column++) {
                        String name = meta.getColumnLabel(column);
                        if (SECRET.matcher(name).find()) {
                            continue;
                        }
                        Object value = rs.getObject(column);
                        if (value instanceof java.time.temporal.Temporal || value instanceof java.sql.Timestamp) {
                            value = DbTime.read(rs, name);
                        } else if (value instanceof byte[]) {
                            // binary columns hold no readable account field; leave them out rather than show bytes
                            continue;
                        }
                        fields.put(camelCase(name.equals("id") ? "user_id" : name), value);
                    }
                    return fields;
                })
                .optional();
    }

    /** The person's login attempts (when, from which address, which step, how it went); never a password. */
    public List<Map<String, Object>> loginAttempts(UserId user) {
        return jdbc.sql("""
                SELECT attempted_at, ip_address, step, outcome FROM login_attempts
                WHERE user_id = ? ORDER BY attempted_at""")
                .param(user.toString())
                .query((rs, row) -> {
                    Map<String, Object> attempt = new LinkedHashMap<>();
                    attempt.put("attemptedAt", DbTime.read(rs, "attempted_at"));
                    attempt.put("ipAddress", rs.getString("ip_address"));
                    attempt.put("step", rs.getString("step"));
                    attempt.put("outcome", rs.getString("outcome"));
                    return attempt;
                })
                .list();
    }

    /**
     * Which organisations' login services (OpenID Connect providers) know the person, under which identifier
     * (subject), since when and when last used; no internal ids.
     */
    public List<Map<String, Object>> singleSignOnLinks(UserId user) {
        return jdbc.sql("""
                SELECT issuer, subject, created_at, last_login_at FROM sso_identities
                WHERE user_id = ? ORDER BY created_at""")
                .param(user.toString())
                .query((rs, row) -> {
                    Map<String, Object> link = new LinkedHashMap<>();
                    link.put("issuer", rs.getString("issuer"));
                    link.put("subject", rs.getString("subject"));
                    link.put("linkedAt", DbTime.read(rs, "created_at"));
                    link.put("lastLoginAt", DbTime.read(rs, "last_login_at"));
                    return link;
                })
                .list();
    }

    /**
     * Deletes the user row; the identity module's own rows (login attempts, account tokens, single sign-on links) go
     * with it (cascade).
     */
    public int delete(UserId user) {
        return jdbc.sql("DELETE FROM users WHERE id = ?").param(user.toString()).update();
    }

    /** Anonymous users (no e-mail address, no staff role) last seen before the cutoff. */
    public List<Inactive> inactiveAnonymous(Instant cutoff, int limit) {
        return jdbc.sql("""
                SELECT id, organisation_id FROM users
                WHERE email IS NULL AND (role IS NULL OR role = 'CLIENT') AND last_seen_at < ?
                ORDER BY last_seen_at LIMIT ?""")
                .params(DbTime.write(cutoff), limit)
                .query((rs, row) -> new Inactive(UserId.parse(rs.getString("id")),
                        OrganisationId.parse(rs.getString("organisation_id"))))
                .list();
    }

    /**
     * Locks the user row when it is still anonymous and inactive since before the cutoff, so a visit arriving now
     * waits for the deletion (or wins and keeps the person).
     */
    public boolean lockIfStillInactive(UserId user, Instant cutoff) {
        return jdbc.sql("""
                SELECT id FROM users
                WHERE id = ? AND email IS NULL AND (role IS NULL OR role = 'CLIENT') AND last_seen_at < ?
                FOR UPDATE""")
                .params(user.toString(), DbTime.write(cutoff))
                .query(String.class)
                .optional()
                .isPresent();
    }

    static String camelCase(String column) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : column.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
