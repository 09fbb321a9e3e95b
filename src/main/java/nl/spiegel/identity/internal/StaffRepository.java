package nl.spiegel.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.spiegel.identity.Role;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.UserId;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.shared.database.DbTime;

/** Staff accounts in the users table: rows with an e-mail address, a password hash and a staff role. */
@Repository
public class StaffRepository {

    /** What logging in needs; the hash never leaves the identity module. */
    public record StaffLogin(StaffMember member, String passwordHash) {
        @Override
        public String toString() {
            return "StaffLogin[" + member + "]";
        }
    }

    private static final String STAFF = "role IS NOT NULL AND role <> 'CLIENT' AND email IS NOT NULL";

    private final JdbcClient jdbc;

    StaffRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StaffMember> find(UserId id) {
        return jdbc.sql("SELECT id, organisation_id, display_name, role, password_hash FROM users WHERE id = ? AND "
                        + STAFF)
                .param(id.toString())
                .query(StaffRepository::mapLogin)
                .optional()
                .map(StaffLogin::member);
    }

    public Optional<StaffLogin> findLogin(String email) {
        return jdbc.sql("SELECT id, organisation_id, display_name, role, password_hash FROM users WHERE email = ? AND "
                        + STAFF)
                .param(email)
                .query(StaffRepository::mapLogin)
                .optional();
    }

    public void insert(StaffMember member, String email, String passwordHash, Instant now) {
        jdbc.sql("""
                INSERT INTO users (id, organisation_id, visitor_token_hash, created_at, last_seen_at, email,
                    password_hash, display_name, role, email_verified_at, password_changed_at)
                VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(member.userId().toString(), member.organisationId().toString(), DbTime.write(now),
                        DbTime.write(now), email, passwordHash, member.displayName(), member.role().name(),
                        // staff addresses are given by whoever creates the account, not typed by a stranger
                        DbTime.write(now), DbTime.write(now))
                .update();
    }

    public void updateRole(UserId id, Role role) {
        jdbc.sql("UPDATE users SET role = ? WHERE id = ? AND email IS NOT NULL").params(role.name(), id.toString())
                .update();
    }

    public void updatePassword(UserId id, String passwordHash, Instant now) {
        jdbc.sql("UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?")
                .params(passwordHash, DbTime.write(now), id.toString()).update();
    }

    /**
     * The therapists and content editors of an organisation (the staff its admin invites), active ones first, by
     * name; with whether each is deactivated.
     */
    public java.util.List<java.util.Map.Entry<StaffMember, Boolean>> therapists(OrganisationId organisation) {
        return jdbc.sql("""
                SELECT id, organisation_id, display_name, role, password_hash, deactivated_at FROM users
                WHERE organisation_id = ? AND role IN ('THERAPIST', 'CONTENT_EDITOR') AND email IS NOT NULL
                ORDER BY deactivated_at IS NOT NULL, display_name""")
                .param(organisation.toString())
                .query((rs, row) -> java.util.Map.entry(mapLogin(rs, row).member(),
                        rs.getObject("deactivated_at") != null))
                .list();
    }

    public void deactivate(UserId id, Instant now) {
        jdbc.sql("UPDATE users SET deactivated_at = ? WHERE id = ? AND deactivated_at IS NULL")
                .params(DbTime.write(now), id.toString()).update();
    }

    public void touch(UserId id, Instant now) {
        jdbc.sql("UPDATE users SET last_seen_at = ? WHERE id = ?").params(DbTime.write(now), id.toString()).update();
    }

    private static StaffLogin mapLogin(ResultSet rs, int row) throws SQLException {
        String name = rs.getString("display_name");
        return new StaffLogin(new StaffMember(UserId.parse(rs.getString("id")),
                OrganisationId.parse(rs.getString("organisation_id")), name == null ? "" : name,
                Role.valueOf(rs.getString("role"))), rs.getString("password_hash"));
    }
}
