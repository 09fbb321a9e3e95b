package nl.spiegel.review.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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

/**
 * Invite codes, shares and comments. Using a code is one conditional update (unused, not expired, same
 * organisation), so a code works exactly once even when two people type it at the same moment. Comments are stored
 * encrypted next to the id of their key, bound to the comment id.
 */
@Repository
public class ReviewRepository {

    /** A stored share with the organisation it belongs to; names are looked up by the service. */
    public record ShareRow(ShareId id, OrganisationId organisationId, UserId person, SessionId session,
                           UserId therapist, Instant createdAt, Instant endsAt, Instant revokedAt, Instant readAt,
                           UUID standing) {
    }

    /** "Everything from now on" with one therapist; the dialogues it covers get their own {@link ShareRow}. */
    public record StandingRow(UUID id, OrganisationId organisationId, UserId person, UserId therapist,
                              Instant createdAt, Instant endsAt, Instant revokedAt) {

        public boolean activeAt(Instant now) {
            return revokedAt == null && (endsAt == null || endsAt.isAfter(now));
        }
    }

    public record InviteRow(UUID id, OrganisationId organisationId, UserId therapist) {
    }

    /** An in-app notice: ids and a kind, never text. */
    public record NoticeRow(UUID id, String kind, ShareId share, Instant createdAt, Instant readAt) {
    }

    /** Something a therapist asked a person to do: a dialogue (script id) or an exercise (learn topic id). */
    public record AssignmentRow(UUID id, OrganisationId organisationId, UserId therapist, UserId person,
                                ShareId share, String kind, String target, java.time.LocalDate due,
                                Instant createdAt, Instant doneAt) {
    }

    public record CommentRow(UserId author, String kind, String text, Instant at) {
    }

    private static final String SHARE_COLUMNS = """
            id, organisation_id, person_id, session_id, therapist_id, created_at, ends_at, revoked_at, read_at,
            standing_id""";
    private static final String STANDING_COLUMNS = """
            id, organisation_id, person_id, therapist_id, created_at, ends_at, revoked_at""";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    ReviewRepository(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public void insertInvite(UUID id, OrganisationId organisation, UserId therapist, String codeHash, Instant now,
                             Instant expiresAt) {
        jdbc.sql("""
                INSERT INTO review_invites (id, organisation_id, therapist_id, code_hash, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(id.toString(), organisation.toString(), therapist.toString(), codeHash, DbTime.write(now),
                        DbTime.write(expiresAt))
                .update();
    }

    /** The unused, unexpired invite with this hash in this organisation. */
    public Optional<InviteRow> findUsableInvite(String codeHash, OrganisationId organisation, Instant now) {
        return jdbc.sql("""
                SELECT id, organisation_id, therapist_id FROM review_invites
                WHERE code_hash = ? AND organisation_id = ? AND used_at IS NULL AND expires_at > ?""")
                .params(codeHash, organisation.toString(), DbTime.write(now))
                .query((rs, n) -> new InviteRow(UUID.fromString(rs.getString(1)),
                        OrganisationId.parse(rs.getString(2)), UserId.parse(rs.getString(3))))
                .optional();
    }

    /** @return whether this call used the invite (false when it was used, expired or unknown meanwhile) */
    public boolean useInvite(UUID invite, Instant now) {
        return jdbc.sql("UPDATE review_invites SET used_at = ? WHERE id = ? AND used_at IS NULL AND expires_at > ?")
                .params(DbTime.write(now), invite.toString(), DbTime.write(now))
                .update() == 1;
    }

    /** @return whether the row was added; false when the standing share already covers that dialogue */
    public boolean insertShare(ShareRow share) {
        return jdbc.sql("""
                INSERT IGNORE INTO review_shares (id, organisation_id, person_id, session_id, therapist_id,
                    created_at, ends_at, standing_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(share.id().toString(), share.organisationId().toString(), share.person().toString(),
                        share.session().toString(), share.therapist().toString(), DbTime.write(share.createdAt()),
                        share.endsAt() == null ? null : DbTime.write(share.endsAt()),
                        share.standing() == null ? null : share.standing().toString())
                .update() == 1;
    }

    public void insertStanding(StandingRow standing) {
        jdbc.sql("""
                INSERT INTO review_standing_shares (id, organisation_id, person_id, therapist_id, created_at, ends_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(standing.id().toString(), standing.organisationId().toString(),
                        standing.person().toString(), standing.therapist().toString(),
                        DbTime.write(standing.createdAt()),
                        standing.endsAt() == null ? null : DbTime.write(standing.endsAt()))
                .update();
    }

    public Optional<StandingRow> findStanding(UUID id) {
        return jdbc.sql("SELECT " + STANDING_COLUMNS + " FROM review_standing_shares WHERE id = ?")
                .param(id.toString()).query(ReviewRepository::standing).optional();
    }

    /** The person's standing shares, newest first, active or not. */
    public List<StandingRow> standingOfPerson(UserId person) {
        return jdbc.sql("SELECT " + STANDING_COLUMNS + " FROM review_standing_shares WHERE person_id = ?"
                        + " ORDER BY created_at DESC")
                .param(person.toString()).query(ReviewRepository::standing).list();
    }

    /** Standing shares naming the therapist in their organisation that are neither revoked nor ended. */
    public List<StandingRow> activeStandingFor(UserId therapist, OrganisationId organisation, Instant now) {
        return jdbc.sql("SELECT " + STANDING_COLUMNS + " FROM review_standing_shares"
                        + " WHERE therapist_id = ? AND organisation_id = ? AND revoked_at IS NULL"
                        + " AND (ends_at IS NULL OR ends_at > ?)")
                .params(therapist.toString(), organisation.toString(), DbTime.write(now))
                .query(ReviewRepository::standing).list();
    }

    /**
     * Revokes a standing share and every dialogue share it made that is still open.
     *
     * @return the dialogue shares that were open until now; empty when the standing share was revoked before
     */
    public List<ShareId> revokeStanding(UUID id, UserId person, Instant now) {
        if (jdbc.sql("UPDATE review_standing_shares SET revoked_at = ? WHERE id = ? AND person_id = ?"
                        + " AND revoked_at IS NULL")
                .params(DbTime.write(now), id.toString(), person.toString()).update() == 0) {
            return List.of();
        }
        List<ShareId> open = jdbc.sql("SELECT id FROM review_shares WHERE standing_id = ? AND revoked_at IS NULL")
                .param(id.toString()).query((rs, n) -> ShareId.parse(rs.getString(1))).list();
        jdbc.sql("UPDATE review_shares SET revoked_at = ? WHERE standing_id = ? AND revoked_at IS NULL")
                .params(DbTime.write(now), id.toString()).update();
        return open;
    }

    public Optional<ShareRow> findShare(ShareId id) {
        return jdbc.sql("SELECT " + SHARE_COLUMNS + " FROM review_shares WHERE id = ?")
                .param(id.toString()).query(ReviewRepository::share).optional();
    }

    /** The person's shares of one dialogue, or of all their dialogues when {@code session} is null; newest first. */
    public List<ShareRow> sharesOfPerson(UserId person, SessionId session) {
        return jdbc.sql("SELECT " + SHARE_COLUMNS + " FROM review_shares WHERE person_id = ?"
                        + (session == null ? "" : " AND session_id = ?") + " ORDER BY created_at DESC")
                .params(session == null ? List.of(person.toString()) : List.of(person.toString(), session.toString()))
                .query(ReviewRepository::share).list();
    }

    /** Shares naming the therapist in their organisation that are neither revoked nor ended; newest first. */
    public List<ShareRow> activeSharesFor(UserId therapist, OrganisationId organisation, Instant now) {
        return jdbc.sql("SELECT " + SHARE_COLUMNS + " FROM review_shares"
                        + " WHERE therapist_id = ? AND organisation_id = ? AND revoked_at IS NULL"
                        + " AND (ends_at IS NULL OR ends_at > ?) ORDER BY created_at DESC")
                .params(therapist.toString(), organisation.toString(), DbTime.write(now))
                .query(ReviewRepository::share).list();
    }

    public boolean revoke(ShareId id, UserId person, Instant now) {
        return jdbc.sql("UPDATE review_shares SET revoked_at = ? WHERE id = ? AND person_id = ? AND revoked_at IS NULL")
                .params(DbTime.write(now), id.toString(), person.toString()).update() == 1;
    }

    public void markRead(ShareId id, Instant now) {
        jdbc.sql("UPDATE review_shares SET read_at = ? WHERE id = ? AND read_at IS NULL")
                .params(DbTime.write(now), id.toString()).update();
    }

    public void insertComment(UUID id, ShareId share, OrganisationId organisation, UserId author, String kind,
                              String text, Instant now) {
        jdbc.sql("""
                INSERT INTO review_comments (id, share_id, organisation_id, author_id, kind, body, key_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id.toString(), share.toString(), organisation.toString(), author.toString(), kind,
                        cipher.encrypt(ReviewEncryptedColumns.COMMENT_BODY, id.toString(), text),
                        cipher.activeKeyId(), DbTime.write(now))
                .update();
    }

    /** Comments of one kind on the given shares, oldest first, decrypted. */
    public List<CommentRow> comments(List<ShareId> shares, String kind) {
        if (shares.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(shares.size(), "?"));
        List<Object> params = new java.util.ArrayList<>(shares.stream().map(ShareId::toString).toList());
        params.add(kind);
        return jdbc.sql("SELECT id, author_id, kind, body, key_id, created_at FROM review_comments WHERE share_id IN ("
                        + marks + ") AND kind = ? ORDER BY created_at, id")
                .params(params)
                .query((rs, n) -> new CommentRow(UserId.parse(rs.getString("author_id")), rs.getString("kind"),
                        cipher.decryptToString(ReviewEncryptedColumns.COMMENT_BODY, rs.getString("id"),
                                rs.getBytes("body"), rs.getString("key_id")),
                        DbTime.read(rs, "created_at")))
                .list();
    }

    public void insertNotice(UUID id, OrganisationId organisation, UserId user, String kind, ShareId share,
                             Instant now) {
        jdbc.sql("""
                INSERT INTO review_notices (id, organisation_id, user_id, kind, share_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(id.toString(), organisation.toString(), user.toString(), kind, share.toString(),
                        DbTime.write(now))
                .update();
    }

    /** The user's notices, newest first; at most {@code limit}. */
    public List<NoticeRow> notices(UserId user, int limit) {
        return jdbc.sql("SELECT id, kind, share_id, created_at, read_at FROM review_notices WHERE user_id = ?"
                        + " ORDER BY created_at DESC, id LIMIT ?")
                .params(user.toString(), limit)
                .query((rs, n) -> new NoticeRow(UUID.fromString(rs.getString("id")), rs.getString("kind"),
                        ShareId.parse(rs.getString("share_id")), DbTime.read(rs, "created_at"),
                        rs.getObject("read_at") == null ? null : DbTime.read(rs, "read_at")))
                .list();
    }

    public int unreadNotices(UserId user) {
        return jdbc.sql("SELECT COUNT(*) FROM review_notices WHERE user_id = ? AND read_at IS NULL")
                .param(user.toString()).query(Integer.class).single();
    }

    public void markNoticesRead(UserId user, Instant now) {
        jdbc.sql("UPDATE review_notices SET read_at = ? WHERE user_id = ? AND read_at IS NULL")
                .params(DbTime.write(now), user.toString()).update();
    }

    public void insertAssignment(AssignmentRow row) {
        jdbc.sql("""
                INSERT INTO review_assignments (id, organisation_id, therapist_id, person_id, share_id, kind, target,
                    due_date, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(row.id().toString(), row.organisationId().toString(), row.therapist().toString(),
                        row.person().toString(), row.share().toString(), row.kind(), row.target(), row.due(),
                        DbTime.write(row.createdAt()))
                .update();
    }

    /** The person's assignments, newest first; with a therapist, only the ones that therapist gave. */
    public List<AssignmentRow> assignmentsOf(UserId person, UserId therapist) {
        return jdbc.sql("SELECT * FROM review_assignments WHERE person_id = ?"
                        + (therapist == null ? "" : " AND therapist_id = ?") + " ORDER BY created_at DESC")
                .params(therapist == null ? List.of(person.toString())
                        : List.of(person.toString(), therapist.toString()))
                .query((rs, n) -> new AssignmentRow(UUID.fromString(rs.getString("id")),
                        OrganisationId.parse(rs.getString("organisation_id")),
                        UserId.parse(rs.getString("therapist_id")), UserId.parse(rs.getString("person_id")),
                        ShareId.parse(rs.getString("share_id")), rs.getString("kind"), rs.getString("target"),
                        rs.getObject("due_date", java.time.LocalDate.class), DbTime.read(rs, "created_at"),
                        rs.getObject("done_at") == null ? null : DbTime.read(rs, "done_at")))
                .list();
    }

    /** @return whether it was the person's open assignment */
    public boolean markAssignmentDone(UUID id, UserId person, Instant now) {
        return jdbc.sql("UPDATE review_assignments SET done_at = ? WHERE id = ? AND person_id = ? AND done_at IS NULL")
                .params(DbTime.write(now), id.toString(), person.toString()).update() == 1;
    }

    /** Deletes everything of a person: their shares and the comments on them; as a therapist, their invites too. */
    public int deleteEverythingOf(UserId user) {
        String id = user.toString();
        int rows = jdbc.sql("""
                DELETE FROM review_notices WHERE share_id IN
                    (SELECT id FROM review_shares WHERE person_id = ? OR therapist_id = ?) OR user_id = ?""")
                .params(id, id, id).update();
        rows += jdbc.sql("""
                DELETE FROM review_assignments WHERE share_id IN
                    (SELECT id FROM review_shares WHERE person_id = ? OR therapist_id = ?)
                    OR person_id = ? OR therapist_id = ?""")
                .params(id, id, id, id).update();
        rows += jdbc.sql("""
                DELETE FROM review_comments WHERE share_id IN
                    (SELECT id FROM review_shares WHERE person_id = ? OR therapist_id = ?) OR author_id = ?""")
                .params(id, id, id).update();
        rows += jdbc.sql("DELETE FROM review_shares WHERE person_id = ? OR therapist_id = ?").params(id, id).update();
        rows += jdbc.sql("DELETE FROM review_standing_shares WHERE person_id = ? OR therapist_id = ?").params(id, id)
                .update();
        rows += jdbc.sql("DELETE FROM review_invites WHERE therapist_id = ?").param(id).update();
        return rows;
    }

    private static ShareRow share(ResultSet rs, int row) throws SQLException {
        return new ShareRow(ShareId.parse(rs.getString("id")), OrganisationId.parse(rs.getString("organisation_id")),
                UserId.parse(rs.getString("person_id")), SessionId.parse(rs.getString("session_id")),
                UserId.parse(rs.getString("therapist_id")), DbTime.read(rs, "created_at"),
                rs.getObject("ends_at") == null ? null : DbTime.read(rs, "ends_at"),
                rs.getObject("revoked_at") == null ? null : DbTime.read(rs, "revoked_at"),
                rs.getObject("read_at") == null ? null : DbTime.read(rs, "read_at"),
                rs.getString("standing_id") == null ? null : UUID.fromString(rs.getString("standing_id")));
    }

    private static StandingRow standing(ResultSet rs, int row) throws SQLException {
        return new StandingRow(UUID.fromString(rs.getString("id")),
                OrganisationId.parse(rs.getString("organisation_id")), UserId.parse(rs.getString("person_id")),
                UserId.parse(rs.getString("therapist_id")), DbTime.read(rs, "created_at"),
                rs.getObject("ends_at") == null ? null : DbTime.read(rs, "ends_at"),
                rs.getObject("revoked_at") == null ? null : DbTime.read(rs, "revoked_at"));
    }
}
