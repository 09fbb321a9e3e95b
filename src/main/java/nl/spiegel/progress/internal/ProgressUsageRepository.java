package nl.spiegel.progress.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.spiegel.dialogue.DialogueUsage;
import nl.spiegel.dialogue.SessionId;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.progress.scoring.Band;
import nl.spiegel.progress.scoring.Instrument;
import nl.spiegel.progress.scoring.Score;
import nl.spiegel.shared.crypto.FieldCipher;
import nl.spiegel.shared.database.DbTime;

/**
 * Moods and questionnaire results of a whole organisation, decrypted only to be counted: the person is used to keep
 * one value per person and never leaves this class.
 */
@Repository
public class ProgressUsageRepository {

    /** A person's start and end mood in their latest dialogue of a version that has both. */
    public record MoodPair(String scriptId, int version, int before, int after) {
    }

    /** The band of a person's latest complete result of an instrument. */
    public record PersonBand(Instrument instrument, Band band) {
    }

    private record MoodRow(String user, String session, String scriptId, int version, Instant startedAt,
                           String moment, int mood) {
    }

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    ProgressUsageRepository(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /**
     * @param started  the organisation's dialogue sessions started since the moment (from the dialogue module, which
     *                 owns them): only check-ins of these count
     */
    public List<MoodPair> latestMoodPairs(OrganisationId organisation, Instant since,
                                          Map<SessionId, DialogueUsage.StartedSession> started) {
        // a check-in is recorded after its session started, so the moment bounds the rows read
        List<MoodRow> rows = jdbc.sql("""
                SELECT id, user_id, session_id, moment, mood, key_id FROM mood_checkins
                WHERE organisation_id = ? AND recorded_at >= ?""")
                .params(organisation.toString(), DbTime.write(since == null ? Instant.EPOCH : since))
                .query((rs, n) -> {
                    DialogueUsage.StartedSession session = started.get(SessionId.parse(rs.getString("session_id")));
                    if (session == null) {
                        return null;
                    }
                    return new MoodRow(rs.getString("user_id"), rs.getString("session_id"), session.scriptId(),
                            session.version(), session.startedAt(), rs.getString("moment"),
                            Integer.parseInt(cipher.decryptToString(ProgressEncryptedColumns.MOOD,
                                    rs.getString("id"), rs.getBytes("mood"), rs.getString("key_id"))));
                })
                .list().stream().filter(Objects::nonNull).toList();
        // per session: start and end; then per person and version: the latest session that has both
        Map<String, MoodRow[]> sessions = new HashMap<>();
        for (MoodRow row : rows) {
            MoodRow[] pair = sessions.computeIfAbsent(row.session(), id -> new MoodRow[2]);
            pair["start".equals(row.moment()) ? 0 : 1] = row;
        }
        Map<String, MoodRow[]> latest = new HashMap<>();
        Comparator<MoodRow[]> order = Comparator.comparing((MoodRow[] pair) -> pair[0].startedAt())
                .thenComparing(pair -> pair[0].session());
        for (MoodRow[] pair : sessions.values()) {
            if (pair[0] == null || pair[1] == null) {
                continue;
            }
            latest.merge(pair[0].user() + "\u0000" + pair[0].scriptId() + "\u0000" + pair[0].version(), pair,
                    (one, other) -> order.compare(one, other) >= 0 ? one : other);
        }
        List<MoodPair> pairs = new ArrayList<>();
        for (MoodRow[] pair : latest.values()) {
            pairs.add(new MoodPair(pair[0].scriptId(), pair[0].version(), pair[0].mood(), pair[1].mood()));
        }
        return pairs;
    }

    public List<PersonBand> latestBands(OrganisationId organisation, Instant since) {
        record Result(String user, Instrument instrument, Instant completedAt, String id, Band band) {
        }
        List<Result> results = jdbc.sql("""
                SELECT id, user_id, instrument, answers, key_id, completed_at FROM questionnaire_results
                WHERE organisation_id = ? AND completed_at >= ?""")
                .params(organisation.toString(), DbTime.write(since == null ? Instant.EPOCH : since))
                .query((rs, n) -> {
                    String id = rs.getString("id");
                    Instrument instrument = Instrument.ofCode(rs.getString("instrument")).orElseThrow();
                    String answers = cipher.decryptToString(ProgressEncryptedColumns.QUESTIONNAIRE_ANSWERS, id,
                            rs.getBytes("answers"), rs.getString("key_id"));
                    return new Result(rs.getString("user_id"), instrument, DbTime.read(rs, "completed_at"), id,
                            new Score(instrument, QuestionnaireRepository.decode(answers)).band());
                })
                .list();
        Comparator<Result> order = Comparator.comparing(Result::completedAt).thenComparing(Result::id);
        Map<String, Result> latest = new HashMap<>();
        for (Result result : results) {
            if (result.band() != null) {
                latest.merge(result.user() + "\u0000" + result.instrument(), result,
                        (one, other) -> order.compare(one, other) >= 0 ? one : other);
            }
        }
        return latest.values().stream().map(result -> new PersonBand(result.instrument(), result.band())).toList();
    }
}
