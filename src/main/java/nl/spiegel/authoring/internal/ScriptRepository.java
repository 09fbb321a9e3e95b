package nl.spiegel.authoring.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.spiegel.identity.UserId;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.shared.database.DbTime;

/** Published script texts. Rows are only ever added; the shipped seed may refresh its own rows. */
@Repository
public class ScriptRepository {

    public record Row(OrganisationId organisation, String scriptId, int version, String source, String origin,
                      Integer basedOn, Instant publishedAt) {
    }

    public record Newest(OrganisationId organisation, String scriptId, int version) {
    }

    private final JdbcClient jdbc;

    ScriptRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest version of every script of these organisations. */
    public List<Newest> newest(List<OrganisationId> organisations) {
        return jdbc.sql("""
                SELECT organisation_id, script_id, MAX(version) AS version FROM dialogue_scripts
                WHERE organisation_id IN (:organisations) GROUP BY organisation_id, script_id""")
                .param("organisations", organisations.stream().map(OrganisationId::toString).toList())
                .query((rs, n) -> new Newest(OrganisationId.parse(rs.getString("organisation_id")),
                        rs.getString("script_id"), rs.getInt("version")))
                .list();
    }

    public Optional<Row> find(OrganisationId organisation, String scriptId, int version) {
        return jdbc.sql("""
                SELECT organisation_id, script_id, version, source, origin, based_on, published_at
                FROM dialogue_scripts WHERE organisation_id = ? AND script_id = ? AND version = ?""")
                .params(organisation.toString(), scriptId, version)
                .query(ScriptRepository::map)
                .optional();
    }

    /** Every version of one script, newest first. */
    public List<Row> history(OrganisationId organisation, String scriptId) {
        return jdbc.sql("""
                SELECT organisation_id, script_id, version, source, origin, based_on, published_at
                FROM dialogue_scripts WHERE organisation_id = ? AND script_id = ? ORDER BY version DESC""")
                .params(organisation.toString(), scriptId)
                .query(ScriptRepository::map)
                .list();
    }

    /** The organisations that already publish a script under this id. */
    public List<OrganisationId> owners(String scriptId) {
        return jdbc.sql("SELECT DISTINCT organisation_id FROM dialogue_scripts WHERE script_id = ?")
                .param(scriptId)
                .query((rs, n) -> OrganisationId.parse(rs.getString(1)))
                .list();
    }

    /** Locks the script's versions for the rest of the transaction, so two publishes cannot take the same number. */
    public int lockNewestVersion(OrganisationId organisation, String scriptId) {
        return jdbc.sql("""
                SELECT COALESCE(MAX(version), 0) FROM dialogue_scripts
                WHERE organisation_id = ? AND script_id = ? FOR UPDATE""")
                .params(organisation.toString(), scriptId)
                .query(Integer.class)
                .single();
    }

    public void insert(Row row, UserId publishedBy) {
        jdbc.sql("""
                INSERT INTO dialogue_scripts (organisation_id, script_id, version, source, origin, based_on,
                    published_by, published_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(row.organisation().toString(), row.scriptId(), row.version(), row.source(), row.origin(),
                        row.basedOn(), publishedBy == null ? null : publishedBy.toString(),
                        DbTime.write(row.publishedAt()))
                .update();
    }

    /** Seeds a shipped script, or refreshes a shipped row whose file changed; returns whether anything changed. */
    public boolean seed(Row row) {
        int inserted = jdbc.sql("""
                INSERT IGNORE INTO dialogue_scripts (organisation_id, script_id, version, source, origin,
                    published_at)
                VALUES (?, ?, ?, ?, 'SHIPPED', ?)""")
                .params(row.organisation().toString(), row.scriptId(), row.version(), row.source(),
                        DbTime.write(row.publishedAt()))
                .update();
        if (inserted == 1) {
            return true;
        }
        return jdbc.sql("""
                UPDATE dialogue_scripts SET source = ?
                WHERE organisation_id = ? AND script_id = ? AND version = ? AND origin = 'SHIPPED'
                  AND BINARY source <> BINARY ?""")
                .params(row.source(), row.organisation().toString(), row.scriptId(), row.version(), row.source())
                .update() == 1;
    }

    private static Row map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        int basedOn = rs.getInt("based_on");
        return new Row(OrganisationId.parse(rs.getString("organisation_id")), rs.getString("script_id"),
                rs.getInt("version"), rs.getString("source"), rs.getString("origin"),
                rs.wasNull() ? null : basedOn, DbTime.read(rs, "published_at"));
    }
}
