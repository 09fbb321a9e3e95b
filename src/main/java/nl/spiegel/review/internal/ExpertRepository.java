package nl.spiegel.review.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.spiegel.dialogue.SessionId;
import nl.spiegel.identity.UserId;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.review.ShareId;
import nl.spiegel.shared.crypto.FieldCipher;
import nl.spiegel.shared.database.DbTime;

/** Expert profiles with their photo, and the share requests people send from the directory (message encrypted). */
@Repository
public class ExpertRepository {

    public record ProfileRow(UserId therapist, OrganisationId organisationId, String shortLine, String shortLineEn,
                             List<String> specialisms, List<String> forms, List<String> languages, String region,
                             boolean online, boolean accepting, boolean listed, boolean hasPhoto) {
    }

    public record RequestRow(UUID id, OrganisationId organisationId, UserId person, UserId therapist,
                             SessionId session, String scope, String message, Instant createdAt, Instant answeredAt,
                             Boolean accepted, ShareId share) {
    }

    private static final String PROFILE_COLUMNS = """
            therapist_id, organisation_id, short_line, short_line_en, specialisms, therapy_forms, languages, region,
            online, accepting, listed, photo IS NOT NULL AS has_photo""";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    ExpertRepository(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public Optional<ProfileRow> profile(UserId therapist) {
        return jdbc.sql("SELECT " + PROFILE_COLUMNS + " FROM review_expert_profiles WHERE therapist_id = ?")
                .param(therapist.toString()).query(ExpertRepository::profile).optional();
    }

    /** The listed profiles of an organisation. */
    public List<ProfileRow> listed(OrganisationId organisation) {
        return jdbc.sql("SELECT " + PROFILE_COLUMNS + " FROM review_expert_profiles WHERE organisation_id = ?"
                        + " AND listed = TRUE ORDER BY therapist_id")
                .param(organisation.toString()).query(ExpertRepository::profile).list();
    }

    /** Inserts or replaces everything but the photo. */
    public void save(ProfileRow row, Instant now) {
        jdbc.sql("""
                INSERT INTO review_expert_profiles (therapist_id, organisation_id, short_line, short_line_en,
                    specialisms, therapy_forms, languages, region, online, accepting, listed, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE organisation_id = VALUES(organisation_id), short_line = VALUES(short_line),
                    short_line_en = VALUES(short_line_en), specialisms = VALUES(specialisms),
                    therapy_forms = VALUES(therapy_forms), languages = VALUES(languages), region = VALUES(region),
                    online = VALUES(online), accepting = VALUES(accepting), listed = VALUES(listed),
                    updated_at = VALUES(updated_at)""")
                .params(row.therapist().toString(), row.organisationId().toString(), row.shortLine(),
                        row.shortLineEn(), String.join(",", row.specialisms()), String.join(",", row.forms()),
                        String.join(",", row.languages()), row.region(), row.online(), row.accepting(),
                        row.listed(), DbTime.write(now))
                .update();
    }

    public void savePhoto(UserId therapist, byte[] jpeg, Instant now) {
        jdbc.sql("UPDATE review_expert_profiles SET photo = ?, updated_at = ? WHERE therapist_id = ?")
                .params(jpeg, DbTime.write(now), therapist.toString()).update();
    }

    public Optional<byte[]> photo(UserId therapist) {
        return jdbc.sql("SELECT photo FROM review_expert_profiles WHERE therapist_id = ? AND photo IS NOT NULL")
                .param(therapist.toString()).query((rs, n) -> rs.getBytes(1)).optional();
    }

    public void insertRequest(RequestRow row) {
        jdbc.sql("""
                INSERT INTO review_share_requests (id, organisation_id, person_id, therapist_id, session_id, scope,
                    message, key_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(row.id().toString(), row.organisationId().toString(), row.person().toString(),
                        row.therapist().toString(), row.session().toString(), row.scope(),
                        // always encrypted, also when empty: a NULL key id would mean legacy plaintext
                        cipher.encrypt(ReviewEncryptedColumns.REQUEST_MESSAGE, row.id().toString(),
                                row.message() == null ? "" : row.message()),
                        cipher.activeKeyId(), DbTime.write(row.createdAt()))
                .update();
    }

    public Optional<RequestRow> request(UUID id) {
        return jdbc.sql("SELECT * FROM review_share_requests WHERE id = ?").param(id.toString())
                .query(this::requestRow).optional();
    }

    /** Requests to the therapist not answered yet, oldest first. */
    public List<RequestRow> openRequestsFor(UserId therapist) {
        return jdbc.sql("SELECT * FROM review_share_requests WHERE therapist_id = ? AND answered_at IS NULL"
                        + " ORDER BY created_at")
                .param(therapist.toString()).query(this::requestRow).list();
    }

    public List<RequestRow> requestsOf(UserId person) {
        return jdbc.sql("SELECT * FROM review_share_requests WHERE person_id = ? ORDER BY created_at DESC")
                .param(person.toString()).query(this::requestRow).list();
    }

    /** @return whether this call answered it (false when it was answered before) */
    public boolean answer(UUID id, boolean accepted, ShareId share, Instant now) {
        return jdbc.sql("UPDATE review_share_requests SET answered_at = ?, accepted = ?, share_id = ?"
                        + " WHERE id = ? AND answered_at IS NULL")
                .params(DbTime.write(now), accepted, share == null ? null : share.toString(), id.toString())
                .update() == 1;
    }

    /** Everything of a user: their requests either way and, as a therapist, their profile. */
    public int deleteEverythingOf(UserId user) {
        String id = user.toString();
        int rows = jdbc.sql("DELETE FROM review_share_requests WHERE person_id = ? OR therapist_id = ?")
                .params(id, id).update();
        rows += jdbc.sql("DELETE FROM review_expert_profiles WHERE therapist_id = ?").param(id).update();
        return rows;
    }

    private RequestRow requestRow(ResultSet rs, int row) throws SQLException {
        byte[] message = rs.getBytes("message");
        return new RequestRow(UUID.fromString(rs.getString("id")),
                OrganisationId.parse(rs.getString("organisation_id")), UserId.parse(rs.getString("person_id")),
                UserId.parse(rs.getString("therapist_id")), SessionId.parse(rs.getString("session_id")),
                rs.getString("scope"),
                message == null ? null : cipher.decryptToString(ReviewEncryptedColumns.REQUEST_MESSAGE,
                        rs.getString("id"), message, rs.getString("key_id")),
                DbTime.read(rs, "created_at"),
                rs.getObject("answered_at") == null ? null : DbTime.read(rs, "answered_at"),
                rs.getObject("accepted") == null ? null : rs.getBoolean("accepted"),
                rs.getString("share_id") == null ? null : ShareId.parse(rs.getString("share_id")));
    }

    private static ProfileRow profile(ResultSet rs, int row) throws SQLException {
        return new ProfileRow(UserId.parse(rs.getString("therapist_id")),
                OrganisationId.parse(rs.getString("organisation_id")), rs.getString("short_line"),
                rs.getString("short_line_en"), codes(rs.getString("specialisms")),
                codes(rs.getString("therapy_forms")), codes(rs.getString("languages")), rs.getString("region"),
                rs.getBoolean("online"), rs.getBoolean("accepting"), rs.getBoolean("listed"),
                rs.getBoolean("has_photo"));
    }

    private static List<String> codes(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
    }
}
