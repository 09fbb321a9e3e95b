package nl.spiegel.progress.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.spiegel.identity.UserId;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.progress.QuestionnaireResult;
import nl.spiegel.progress.scoring.Instrument;
import nl.spiegel.progress.scoring.Score;
import nl.spiegel.shared.crypto.FieldCipher;
import nl.spiegel.shared.database.DbTime;

/**
 * Questionnaire results. The answers are stored encrypted as one character per item ({@code 0}..{@code 3}, or
 * {@code -} for a skipped item); totals and bands are computed when read and never stored.
 */
@Repository
public class QuestionnaireRepository {

    private static final char SKIPPED = '-';

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    QuestionnaireRepository(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public void insert(OrganisationId organisation, UserId owner, QuestionnaireResult result) {
        String id = result.id().toString();
        jdbc.sql("""
                INSERT INTO questionnaire_results (id, organisation_id, user_id, instrument, answers, key_id,
                    completed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, organisation.toString(), owner.toString(), result.instrument().code(),
                        cipher.encrypt(ProgressEncryptedColumns.QUESTIONNAIRE_ANSWERS, id,
                                encode(result.score().answers())),
                        cipher.activeKeyId(), DbTime.write(result.completedAt()))
                .update();
    }

    /** The owner's results, oldest first; the owner is part of the query, so nobody reads another's results. */
    public List<QuestionnaireResult> findAll(UserId owner) {
        return jdbc.sql("""
                SELECT id, instrument, answers, key_id, completed_at FROM questionnaire_results
                WHERE user_id = ? ORDER BY completed_at, id""")
                .param(owner.toString())
                .query((rs, row) -> {
                    String id = rs.getString("id");
                    Instrument instrument = Instrument.ofCode(rs.getString("instrument")).orElseThrow();
                    String answers = cipher.decryptToString(ProgressEncryptedColumns.QUESTIONNAIRE_ANSWERS, id,
                            rs.getBytes("answers"), rs.getString("key_id"));
                    return new QuestionnaireResult(UUID.fromString(id),
                            new Score(instrument, decode(answers)), DbTime.read(rs, "completed_at"));
                })
                .list();
    }

    public int deleteAll(UserId owner) {
        return jdbc.sql("DELETE FROM questionnaire_results WHERE user_id = ?").param(owner.toString()).update();
    }

    static String encode(List<Integer> answers) {
        StringBuilder text = new StringBuilder(answers.size());
        for (Integer answer : answers) {
            text.append(answer == null ? SKIPPED : (char) ('0' + answer));
        }
        return text.toString();
    }

    static List<Integer> decode(String text) {
        List<Integer> answers = new ArrayList<>(text.length());
        for (char c : text.toCharArray()) {
            answers.add(c == SKIPPED ? null : c - '0');
        }
        return answers;
    }
}
