package nl.spiegel.dialogue.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.spiegel.dialogue.ExerciseFollowUp;
import nl.spiegel.dialogue.ExerciseId;
import nl.spiegel.dialogue.ExerciseNote;
import nl.spiegel.dialogue.ExerciseReminder;
import nl.spiegel.identity.UserId;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.shared.crypto.FieldCipher;
import nl.spiegel.shared.database.DbTime;

/**
 * The journal of an exercise: dated notes, "how did it go?" follow-ups and the e-mail reminder. Every query is scoped
 * to the owner of the exercise; notes are stored encrypted with {@link FieldCipher}, bound to their row id.
 */
@Repository
public class JournalRepository {

    /** A reminder that is due: which exercise, whose, the due moment as read (the claim compares against it). */
    public record Due(ExerciseId exercise, UserId user, Instant dueAt, int repeatDays, String language) {
    }

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    JournalRepository(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** The organisation of the exercise when it belongs to this user in this organisation; empty otherwise. */
    public Optional<OrganisationId> ownedBy(ExerciseId exercise, UserId owner, OrganisationId organisation) {
        return jdbc.sql("SELECT organisation_id FROM exercises WHERE id = ? AND user_id = ? AND organisation_id = ?")
                .params(exercise.toString(), owner.toString(), organisation.toString())
                .query((rs, row) -> OrganisationId.parse(rs.getString("organisation_id"))).optional();
    }

    public void insertNote(ExerciseId exercise, OrganisationId organisation, UserId owner, String text, Instant now) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO exercise_notes (id, organisation_id, user_id, exercise_id, body, key_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, organisation.toString(), owner.toString(), exercise.toString(),
                        cipher.encrypt(DialogueEncryptedColumns.EXERCISE_NOTE, id, text), cipher.activeKeyId(),
                        DbTime.write(now))
                .update();
    }

    /** Notes of one exercise, oldest first, as a diary reads. */
    public List<ExerciseNote> notes(ExerciseId exercise, UserId owner) {
        return jdbc.sql("""
                SELECT id, body, key_id, created_at FROM exercise_notes
                WHERE exercise_id = ? AND user_id = ? ORDER BY created_at, id""")
                .params(exercise.toString(), owner.toString())
                .query((rs, row) -> new ExerciseNote(DbTime.read(rs, "created_at"),
                        cipher.decryptToString(DialogueEncryptedColumns.EXERCISE_NOTE, rs.getString("id"),
                                rs.getBytes("body"), rs.getString("key_id"))))
                .list();
    }

    public void insertFollowUp(ExerciseId exercise, OrganisationId organisation, UserId owner,
                               ExerciseFollowUp.Outcome outcome, String note, Instant now) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO exercise_followups (id, organisation_id, user_id, exercise_id, outcome, note, key_id,
                    created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, organisation.toString(), owner.toString(), exercise.toString(), outcome.code(),
                        cipher.encrypt(DialogueEncryptedColumns.FOLLOWUP_NOTE, id, note), cipher.activeKeyId(),
                        DbTime.write(now))
                .update();
    }

    /** Follow-ups of one exercise, newest first. */
    public List<ExerciseFollowUp> followUps(ExerciseId exercise, UserId owner) {
        return jdbc.sql("""
                SELECT id, outcome, note, key_id, created_at FROM exercise_followups
                WHERE exercise_id = ? AND user_id = ? ORDER BY created_at DESC, id""")
                .params(exercise.toString(), owner.toString())
                .query((rs, row) -> followUp(rs))
                .list();
    }

    /** The newest follow-up of this person on any exercise, written at or after {@code since}. */
    public Optional<ExerciseFollowUp> latestFollowUp(UserId owner, Instant since) {
        return jdbc.sql("""
                SELECT id, outcome, note, key_id, created_at FROM exercise_followups
                WHERE user_id = ? AND created_at >= ? ORDER BY created_at DESC, id LIMIT 1""")
                .params(owner.toString(), DbTime.write(since))
                .query((rs, row) -> followUp(rs))
                .optional();
    }

    private ExerciseFollowUp followUp(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ExerciseFollowUp(ExerciseFollowUp.Outcome.ofCode(rs.getString("outcome")),
                cipher.decryptToString(DialogueEncryptedColumns.FOLLOWUP_NOTE, rs.getString("id"),
                        rs.getBytes("note"), rs.getString("key_id")),
                DbTime.read(rs, "created_at"));
    }

    public void upsertReminder(ExerciseId exercise, OrganisationId organisation, UserId owner, Instant first,
                               int repeatDays, String language, Instant now) {
        jdbc.sql("""
                INSERT INTO exercise_reminders (exercise_id, organisation_id, user_id, next_due_at, repeat_days,
                    language, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE next_due_at = VALUES(next_due_at), repeat_days = VALUES(repeat_days),
                    language = VALUES(language)""")
                .params(exercise.toString(), organisation.toString(), owner.toString(), DbTime.write(first),
                        repeatDays, language, DbTime.write(now))
                .update();
    }

    public Optional<ExerciseReminder> reminder(ExerciseId exercise, UserId owner) {
        return jdbc.sql("SELECT next_due_at, repeat_days FROM exercise_reminders WHERE exercise_id = ? AND user_id = ?")
                .params(exercise.toString(), owner.toString())
                .query((rs, row) -> new ExerciseReminder(DbTime.read(rs, "next_due_at"), rs.getInt("repeat_days")))
                .optional();
    }

    public int deleteReminder(ExerciseId exercise, UserId owner) {
        return jdbc.sql("DELETE FROM exercise_reminders WHERE exercise_id = ? AND user_id = ?")
                .params(exercise.toString(), owner.toString()).update();
    }

    public List<Due> due(Instant now, int limit) {
        return jdbc.sql("""
                SELECT exercise_id, user_id, next_due_at, repeat_days, language FROM exercise_reminders
                WHERE next_due_at <= ? ORDER BY next_due_at LIMIT ?""")
                .params(DbTime.write(now), limit)
                .query((rs, row) -> new Due(ExerciseId.parse(rs.getString("exercise_id")),
                        UserId.parse(rs.getString("user_id")), DbTime.read(rs, "next_due_at"),
                        rs.getInt("repeat_days"), rs.getString("language")))
                .list();
    }

    /**
     * Moves a repeating reminder on, or removes a single one, only if nobody else did since it was read: true for
     * exactly one node when several run the job at once.
     */
    public boolean claim(Due due, Instant next, Instant now) {
        if (next == null) {
            return jdbc.sql("DELETE FROM exercise_reminders WHERE exercise_id = ? AND next_due_at = ?")
                    .params(due.exercise().toString(), DbTime.write(due.dueAt())).update() == 1;
        }
        return jdbc.sql("""
                UPDATE exercise_reminders SET next_due_at = ?, last_sent_at = ?
                WHERE exercise_id = ? AND next_due_at = ?""")
                .params(DbTime.write(next), DbTime.write(now), due.exercise().toString(), DbTime.write(due.dueAt()))
                .update() == 1;
    }

    /** Everything of the journal of one person, before their exercises go. */
    public int deleteAll(UserId owner) {
        String user = owner.toString();
        return jdbc.sql("DELETE FROM exercise_reminders WHERE user_id = ?").param(user).update()
                + jdbc.sql("DELETE FROM exercise_followups WHERE user_id = ?").param(user).update()
                + jdbc.sql("DELETE FROM exercise_notes WHERE user_id = ?").param(user).update();
    }
}
