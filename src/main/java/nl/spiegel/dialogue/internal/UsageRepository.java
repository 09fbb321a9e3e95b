package nl.spiegel.dialogue.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.shared.database.DbTime;

/** How far each person got in each dialogue version, for counting; no ids leave this class. */
@Repository
public class UsageRepository {

    public record PersonRow(String scriptId, int version, int answered, boolean finished) {
    }

    /** A session's dialogue version and start. */
    public record SessionVersion(String sessionId, String scriptId, int version, Instant startedAt) {
    }

    private final JdbcClient jdbc;

    UsageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<SessionVersion> sessionsStarted(OrganisationId organisation, Instant since) {
        return jdbc.sql("""
                SELECT id, script_id, script_version, started_at FROM dialogue_sessions
                WHERE organisation_id = ? AND started_at >= ?""")
                .params(organisation.toString(), DbTime.write(since == null ? Instant.EPOCH : since))
                .query((rs, n) -> new SessionVersion(rs.getString("id"), rs.getString("script_id"),
                        rs.getInt("script_version"), DbTime.read(rs, "started_at")))
                .list();
    }

    public List<PersonRow> furthest(OrganisationId organisation, Instant since) {
        return jdbc.sql("""
                SELECT script_id, script_version, MAX(answered) AS answered,
                       MAX(CASE WHEN status = 'FINISHED' THEN 1 ELSE 0 END) AS finished
                FROM dialogue_sessions
                WHERE organisation_id = ? AND started_at >= ?
                GROUP BY script_id, script_version, user_id""")
                .params(organisation.toString(), DbTime.write(since == null ? Instant.EPOCH : since))
                .query((rs, n) -> new PersonRow(rs.getString("script_id"), rs.getInt("script_version"),
                        rs.getInt("answered"), rs.getInt("finished") == 1))
                .list();
    }
}
