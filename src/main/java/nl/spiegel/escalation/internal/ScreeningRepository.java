package nl.spiegel.escalation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.spiegel.dialogue.SessionId;
import nl.spiegel.escalation.Screening;
import nl.spiegel.escalation.ScreeningId;
import nl.spiegel.escalation.screening.Answer;
import nl.spiegel.escalation.screening.Question;
import nl.spiegel.escalation.screening.Screener;
import nl.spiegel.identity.UserId;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.risk.RiskLevel;
import nl.spiegel.shared.crypto.FieldCipher;
import nl.spiegel.shared.database.DbTime;

/**
 * Screenings; every query is scoped to the owning user. The answers are health data and stored encrypted next to the
 * id of their key (no key id: plaintext from before encryption, read as it is).
 */
@Repository
public class ScreeningRepository {

    private static final String COLUMNS =
            "id, session_id, trigger_level, answers, key_id, grade, dismissed, started_at, finished_at";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    ScreeningRepository(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public void insert(OrganisationId organisation, UserId owner, Screening screening) {
        jdbc.sql("""
                INSERT INTO screenings (id, organisation_id, user_id, session_id, trigger_level, answers, key_id,
                    grade, dismissed, started_at, finished_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(screening.id().toString(), organisation.toString(), owner.toString(),
                        screening.session() == null ? null : screening.session().toString(),
                        screening.trigger().name(), answers(screening), cipher.activeKeyId(),
                        grade(screening),
                        screening.dismissed(), DbTime.write(screening.startedAt()),
                        DbTime.write(screening.finishedAt()))
                .update();
    }

    public void update(UserId owner, Screening screening) {
        int updated = jdbc.sql("""
                UPDATE screenings SET answers = ?, key_id = ?, grade = ?, dismissed = ?, finished_at = ?
                WHERE id = ? AND user_id = ?""")
                .params(answers(screening), cipher.activeKeyId(), grade(screening), screening.dismissed(),
                        DbTime.write(screening.finishedAt()), screening.id().toString(), owner.toString())
                .update();
        if (updated != 1) {
            throw new IllegalStateException("screening " + screening.id() + " not updated");
        }
    }

    public Optional<Screening> find(UserId owner, ScreeningId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM screenings WHERE id = ? AND user_id = ?")
                .params(id.toString(), owner.toString())
                .query(this::map)
                .optional();
    }

    /** All of the person's screenings, oldest first. */
    public List<Screening> findAll(UserId owner) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM screenings WHERE user_id = ? ORDER BY started_at")
                .param(owner.toString())
                .query(this::map)
                .list();
    }

    /** Deletes all of the person's screenings. */
    public int deleteAll(UserId owner) {
        return jdbc.sql("DELETE FROM screenings WHERE user_id = ?").param(owner.toString()).update();
    }

    /** The person's latest screening in this dialogue session. */
    public Optional<Screening> findLatest(UserId owner, SessionId session) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM screenings WHERE user_id = ? AND session_id = ?"
                        + " ORDER BY started_at DESC LIMIT 1")
                .params(owner.toString(), session.toString())
                .query(this::map)
                .optional();
    }

    /** Locks the row, so two answers arriving together (a double click) are applied one after the other. */
    public Optional<Screening> findForUpdate(UserId owner, ScreeningId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM screenings WHERE id = ? AND user_id = ? FOR UPDATE")
                .params(id.toString(), owner.toString())
                .query(this::map)
                .optional();
    }

    /** The grade is stored once the screening is finished; while it runs it is null. */
    private static String grade(Screening screening) {
        return screening.finished() ? screening.grade().name() : null;
    }

    private static final String FROM_WORDS = "said:";

    private byte[] answers(Screening screening) {
        Map<String, Boolean> answers = new LinkedHashMap<>();
        // answers taken from the person's own words are marked, so nobody later reads them as asked
        screening.screener().answers().forEach(answer -> answers.put(
                (answer.fromWords() ? FROM_WORDS : "") + answer.question().code(), answer.yes()));
        return cipher.encrypt(EscalationEncryptedColumns.SCREENING_ANSWERS, screening.id().toString(),
                EscalationJson.write(answers));
    }

    private Screening map(ResultSet rs, int row) throws SQLException {
        byte[] stored = cipher.decrypt(EscalationEncryptedColumns.SCREENING_ANSWERS, rs.getString("id"),
                rs.getBytes("answers"), rs.getString("key_id"));
        List<Answer> answers = EscalationJson.readFlags(stored).entrySet().stream()
                .map(entry -> entry.getKey().startsWith(FROM_WORDS)
                        ? new Answer(Question.fromCode(entry.getKey().substring(FROM_WORDS.length())),
                                entry.getValue(), true)
                        : new Answer(Question.fromCode(entry.getKey()), entry.getValue()))
                .toList();
        String session = rs.getString("session_id");
        return new Screening(ScreeningId.parse(rs.getString("id")), session == null ? null : SessionId.parse(session),
                RiskLevel.valueOf(rs.getString("trigger_level")), new Screener(answers), rs.getBoolean("dismissed"),
                DbTime.read(rs, "started_at"), DbTime.read(rs, "finished_at"));
    }
}
