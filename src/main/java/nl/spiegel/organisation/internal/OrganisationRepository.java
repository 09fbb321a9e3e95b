package nl.spiegel.organisation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.spiegel.organisation.Branding;
import nl.spiegel.organisation.LogoImage;
import nl.spiegel.organisation.Organisation;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.shared.database.DbTime;

/** The organisations table. Lists are stored as text: dialogue ids separated by commas, origins by spaces. */
@Repository
public class OrganisationRepository {

    private static final String COLUMNS = """
            id, slug, name, primary_colour, accent_colour, welcome_nl, welcome_en, logo_type, offered_dialogues,
            embed_origins, time_zone""";

    private final JdbcClient jdbc;

    OrganisationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Organisation> find(OrganisationId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisations WHERE id = ?").param(id.toString())
                .query(OrganisationRepository::map).optional();
    }

    public Optional<Organisation> findBySlug(String slug) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisations WHERE slug = ?").param(slug)
                .query(OrganisationRepository::map).optional();
    }

    public List<Organisation> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisations ORDER BY name").query(OrganisationRepository::map)
                .list();
    }

    public boolean slugExists(String slug) {
        return jdbc.sql("SELECT COUNT(*) FROM organisations WHERE slug = ?").param(slug).query(Integer.class)
                .single() > 0;
    }

    public void insert(OrganisationId id, String slug, String name, Instant now) {
        jdbc.sql("INSERT INTO organisations (id, slug, name, created_at) VALUES (?, ?, ?, ?)")
                .params(id.toString(), slug, name, DbTime.write(now)).update();
    }

    public void updateBranding(OrganisationId id, String name, String primary, String accent, String welcomeNl,
                               String welcomeEn) {
        jdbc.sql("""
                UPDATE organisations SET name = ?, primary_colour = ?, accent_colour = ?, welcome_nl = ?,
                welcome_en = ? WHERE id = ?""")
                .params(name, primary, accent, welcomeNl, welcomeEn, id.toString()).update();
    }

    public void updateLogo(OrganisationId id, LogoImage logo) {
        jdbc.sql("UPDATE organisations SET logo = ?, logo_type = ? WHERE id = ?")
                .params(logo == null ? null : logo.bytes(), logo == null ? null : logo.contentType(), id.toString())
                .update();
    }

    public Optional<LogoImage> logo(String slug) {
        return jdbc.sql("SELECT logo, logo_type FROM organisations WHERE slug = ? AND logo IS NOT NULL").param(slug)
                .query((rs, row) -> new LogoImage(rs.getBytes("logo"), rs.getString("logo_type"))).optional();
    }

    public void updateOfferedDialogues(OrganisationId id, List<String> scriptIds) {
        jdbc.sql("UPDATE organisations SET offered_dialogues = ? WHERE id = ?")
                .params(scriptIds.isEmpty() ? null : String.join(",", scriptIds), id.toString()).update();
    }

    public void updateEmbedOrigins(OrganisationId id, List<String> origins) {
        jdbc.sql("UPDATE organisations SET embed_origins = ? WHERE id = ?")
                .params(origins.isEmpty() ? null : String.join(" ", origins), id.toString()).update();
    }

    public void updateTimeZone(OrganisationId id, ZoneId zone) {
        jdbc.sql("UPDATE organisations SET time_zone = ? WHERE id = ?").params(zone.getId(), id.toString()).update();
    }

    private static Organisation map(ResultSet rs, int row) throws SQLException {
        Branding branding = new Branding(rs.getString("primary_colour"), rs.getString("accent_colour"),
                rs.getString("welcome_nl"), rs.getString("welcome_en"), rs.getString("logo_type") != null);
        return new Organisation(OrganisationId.parse(rs.getString("id")), rs.getString("slug"), rs.getString("name"),
                branding, split(rs.getString("offered_dialogues"), ","), split(rs.getString("embed_origins"), " "),
                ZoneId.of(rs.getString("time_zone")));
    }

    private static List<String> split(String column, String separator) {
        return column == null || column.isBlank() ? List.of()
                : Arrays.stream(column.split(separator)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
