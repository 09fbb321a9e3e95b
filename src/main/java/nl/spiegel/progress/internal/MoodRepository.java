package nl.spiegel.progress.internal;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.spiegel.progress.MoodMoment;
import nl.spiegel.dialogue.SessionId;
import nl.spiegel.identity.UserId;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.progress.Mood;
import nl.spiegel.shared.crypto.FieldCipher;
import nl.spiegel.shared.database.DbTime;

/** Mood check-ins; the mood itself is stored encrypted, bound to the row id. */
@Repository
public class MoodRepository {

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    MoodRepository(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public void insert(OrganisationId organisation, UserId owner, Mood mood) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO mood_checkins (id, organisation_id, user_id, session_id, moment, mood, key_id,
                    recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, organisation.toString(), owner.toString(), mood.session().toString(),
                        mood.moment().name().toLowerCase(Locale.ROOT),
                        cipher.encrypt(ProgressEncryptedColumns.MOOD, id, Integer.toString(mood.value())),
                        cipher.activeKeyId(), DbTime.write(mood.recordedAt()))
                .update();
    }

    /** The owner's check-ins, oldest first. */
    public List<Mood> findAll(UserId owner) {
        return jdbc.sql("""
                SELECT id, session_id, moment, mood, key_id, recorded_at FROM mood_checkins
                WHERE user_id = ? ORDER BY recorded_at, id""")
                .param(owner.toString())
                .query((rs, row) -> new Mood(SessionId.parse(rs.getString("session_id")),
                        MoodMoment.valueOf(rs.getString("moment").toUpperCase(Locale.ROOT)),
                        Integer.parseInt(cipher.decryptToString(ProgressEncryptedColumns.MOOD, rs.getString("id"),
                                rs.getBytes("mood"), rs.getString("key_id"))),
                        DbTime.read(rs, "recorded_at")))
                .list();
    }

    public int deleteAll(UserId owner) {
        return jdbc.sql("DELETE FROM mood_checkins WHERE user_id = ?").param(owner.toString()).update();
    }
}
