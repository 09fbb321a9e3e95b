package nl.spiegel.progress.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.spiegel.identity.UserId;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.shared.database.DbTime;

/** Who asked for a weekly questionnaire reminder, and when the next one is due. */
@Repository
public class ReminderRepository {

    /** A reminder that is due: whose, and the due moment as read (the claim compares against it). */
    public record Due(UserId user, Instant dueAt) {
    }

    private final JdbcClient jdbc;

    ReminderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Switches the reminder on (again); the first one is due at {@code firstDue}. */
    public void upsert(OrganisationId organisation, UserId user, Instant now, Instant firstDue) {
        jdbc.sql("""
                INSERT INTO questionnaire_reminders (user_id, organisation_id, created_at, next_due_at)
                VALUES (?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE next_due_at = VALUES(next_due_at)""")
                .params(user.toString(), organisation.toString(), DbTime.write(now), DbTime.write(firstDue))
                .update();
    }

    public Optional<Instant> nextDue(UserId user) {
        return jdbc.sql("SELECT next_due_at FROM questionnaire_reminders WHERE user_id = ?")
                .param(user.toString()).query((rs, row) -> DbTime.read(rs, "next_due_at")).optional();
    }

    public int delete(UserId user) {
        return jdbc.sql("DELETE FROM questionnaire_reminders WHERE user_id = ?").param(user.toString()).update();
    }

    public List<Due> due(Instant now, int limit) {
        return jdbc.sql("""
                SELECT user_id, next_due_at FROM questionnaire_reminders
                WHERE next_due_at <= ? ORDER BY next_due_at LIMIT ?""")
                .params(DbTime.write(now), limit)
                .query((rs, row) -> new Due(UserId.parse(rs.getString("user_id")), DbTime.read(rs, "next_due_at")))
                .list();
    }

    /**
     * Moves the reminder on, only if nobody else did since it was read: true for exactly one node when several run
     * the job at once.
     */
    public boolean claim(Due due, Instant next, Instant now) {
        return jdbc.sql("""
                UPDATE questionnaire_reminders SET next_due_at = ?, last_sent_at = ?
                WHERE user_id = ? AND next_due_at = ?""")
                .params(DbTime.write(next), DbTime.write(now), due.user().toString(), DbTime.write(due.dueAt()))
                .update() == 1;
    }
}
