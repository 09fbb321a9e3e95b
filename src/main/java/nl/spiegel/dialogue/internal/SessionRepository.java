package nl.spiegel.dialogue.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.spiegel.dialogue.ChatMessage;
import nl.spiegel.dialogue.ExerciseId;
import nl.spiegel.dialogue.SafetyPause;
import nl.spiegel.dialogue.SessionId;
import nl.spiegel.dialogue.engine.DialogueState;
import nl.spiegel.dialogue.engine.LocalizedText;
import nl.spiegel.dialogue.engine.Turn;
import nl.spiegel.identity.UserId;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.risk.RiskLevel;
import nl.spiegel.shared.database.DbTime;

/** Sessions, their messages and exercises. Every query is scoped to the owning user. */
@Repository
public class SessionRepository {

    public record ExerciseRow(ExerciseId id, SessionId sessionId, String scriptId, LocalizedText title,
                              LocalizedText text, Instant createdAt, Instant doneAt) {
    }

    private static final String ACTIVE = "ACTIVE";
    private static final String FINISHED = "FINISHED";
    private static final String SESSION_COLUMNS = """
            id, organisation_id, user_id, script_id, script_version, node_id, variables, status, answered, revision,
            started_at, updated_at, finished_at, paused_level, paused_rules, pending_input""";

    private final JdbcClient jdbc;

    SessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(SessionRow row) {
        jdbc.sql("""
                INSERT INTO dialogue_sessions (id, organisation_id, user_id, script_id, script_version, node_id,
                    variables, status, answered, revision, started_at, updated_at, finished_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(row.id().toString(), row.organisationId().toString(), row.userId().toString(), row.scriptId(),
                        row.scriptVersion(), row.state().nodeId(), JsonCodec.write(row.state().variables()),
                        status(row.state()), row.state().answered(), row.revision(), DbTime.write(row.startedAt()),
                        DbTime.write(row.updatedAt()), DbTime.write(row.finishedAt()))
                .update();
    }

    /** Moves a session on, but only from the revision the caller saw; false when someone else was first. */
    public boolean update(SessionId id, int expectedRevision, DialogueState state, Instant now) {
        return jdbc.sql("""
                UPDATE dialogue_sessions
                SET node_id = ?, variables = ?, status = ?, answered = ?, revision = revision + 1, updated_at = ?,
                    finished_at = ?
                WHERE id = ? AND revision = ?""")
                .params(state.nodeId(), JsonCodec.write(state.variables()), status(state), state.answered(),
                        DbTime.write(now), state.finished() ? DbTime.write(now) : null, id.toString(), expectedRevision)
                .update() == 1;
    }

    /**
     * Pauses the script after a risky answer: the answer is kept as pending input so the script can go on with it
     * once the person chooses to.
     */
    public boolean pause(SessionId id, int expectedRevision, SafetyPause pause, String pendingInput, Instant now) {
        return jdbc.sql("""
                UPDATE dialogue_sessions
                SET paused_level = ?, paused_rules = ?, pending_input = ?, revision = revision + 1, updated_at = ?
                WHERE id = ? AND revision = ?""")
                .params(pause.level().name(), String.join(",", pause.ruleIds()),
                        pendingInput == null ? null : pendingInput.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        DbTime.write(now),
                        id.toString(), expectedRevision)
                .update() == 1;
    }

    /** Ends a safety pause and moves the session on, from the revision the caller saw. */
    public boolean resume(SessionId id, int expectedRevision, DialogueState state, Instant now) {
        return jdbc.sql("""
                UPDATE dialogue_sessions
                SET node_id = ?, variables = ?, status = ?, answered = ?, revision = revision + 1, updated_at = ?,
                    finished_at = ?, paused_level = NULL, paused_rules = NULL, pending_input = NULL
                WHERE id = ? AND revision = ?""")
                .params(state.nodeId(), JsonCodec.write(state.variables()), status(state), state.answered(),
                        DbTime.write(now), state.finished() ? DbTime.write(now) : null, id.toString(), expectedRevision)
                .update() == 1;
    }

    public void setMessageRisk(SessionId session, int seq, RiskLevel level, List<String> ruleIds) {
        jdbc.sql("UPDATE dialogue_messages SET risk_level = ?, risk_rules = ? WHERE session_id = ? AND seq = ?")
                .params(level.name(), String.join(",", ruleIds), session.toString(), seq)
                .update();
    }

    public Optional<SessionRow> find(UserId owner, SessionId id) {
        return jdbc.sql("SELECT " + SESSION_COLUMNS + " FROM dialogue_sessions WHERE id = ? AND user_id = ?")
                .params(id.toString(), owner.toString())
                .query(SessionRepository::mapSession)
                .optional();
    }

    public Optional<SessionRow> findActive(UserId owner, String scriptId) {
        return jdbc.sql("SELECT " + SESSION_COLUMNS + """
                         FROM dialogue_sessions WHERE user_id = ? AND script_id = ? AND status = 'ACTIVE'
                        ORDER BY updated_at DESC LIMIT 1""")
                .params(owner.toString(), scriptId)
                .query(SessionRepository::mapSession)
                .optional();
    }

    /** All sessions of a person, most recently used first. */
    public List<SessionRow> findAll(UserId owner) {
        return jdbc.sql("SELECT " + SESSION_COLUMNS + " FROM dialogue_sessions WHERE user_id = ? ORDER BY updated_at DESC")
                .param(owner.toString())
                .query(SessionRepository::mapSession)
                .list();
    }

    public void appendMessages(SessionId session, OrganisationId organisation, int firstSeq, List<Turn> turns,
                               Instant now) {
        int seq = firstSeq;
        for (Turn turn : turns) {
            jdbc.sql("""
                    INSERT INTO dialogue_messages (session_id, organisation_id, seq, kind, node_id, title, body, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(session.toString(), organisation.toString(), seq++, turn.kind().name(), turn.nodeId(),
                            JsonCodec.write(turn.title().orElse(null)), JsonCodec.write(turn.text()), DbTime.write(now))
                    .update();
        }
    }

    public List<ChatMessage> messages(SessionId session) {
        return jdbc.sql("SELECT seq, kind, title, body, created_at FROM dialogue_messages WHERE session_id = ? ORDER BY seq")
                .param(session.toString())
                .query((rs, row) -> new ChatMessage(rs.getInt("seq"), Turn.Kind.valueOf(rs.getString("kind")),
                        JsonCodec.readText(rs.getBytes("body")),
                        Optional.ofNullable(JsonCodec.readText(rs.getBytes("title"))),
                        DbTime.read(rs, "created_at")))
                .list();
    }

    public int messageCount(SessionId session) {
        return jdbc.sql("SELECT COUNT(*) FROM dialogue_messages WHERE session_id = ?")
                .param(session.toString()).query(Integer.class).single();
    }

    public void insertExercise(ExerciseId id, SessionRow session, Turn turn, Instant now) {
        jdbc.sql("""
                INSERT INTO exercises (id, organisation_id, user_id, session_id, script_id, node_id, title, body, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id.toString(), session.organisationId().toString(), session.userId().toString(),
                        session.id().toString(), session.scriptId(), turn.nodeId(),
                        JsonCodec.write(turn.title().orElseThrow()), JsonCodec.write(turn.text()), DbTime.write(now))
                .update();
    }

    public List<ExerciseRow> exercises(UserId owner) {
        return jdbc.sql("""
                SELECT id, session_id, script_id, title, body, created_at, done_at FROM exercises
                WHERE user_id = ? ORDER BY created_at DESC""")
                .param(owner.toString())
                .query((rs, row) -> new ExerciseRow(ExerciseId.parse(rs.getString("id")),
                        SessionId.parse(rs.getString("session_id")), rs.getString("script_id"),
                        JsonCodec.readText(rs.getBytes("title")), JsonCodec.readText(rs.getBytes("body")),
                        DbTime.read(rs, "created_at"), DbTime.read(rs, "done_at")))
                .list();
    }

    public boolean setExerciseDone(UserId owner, ExerciseId id, Instant doneAt) {
        return jdbc.sql("UPDATE exercises SET done_at = ? WHERE id = ? AND user_id = ?")
                .params(DbTime.write(doneAt), id.toString(), owner.toString())
                .update() == 1;
    }

    private static String status(DialogueState state) {
        return state.finished() ? FINISHED : ACTIVE;
    }

    private static SessionRow mapSession(ResultSet rs, int row) throws SQLException {
        DialogueState state = new DialogueState(rs.getString("node_id"), JsonCodec.readMap(rs.getBytes("variables")),
                FINISHED.equals(rs.getString("status")), rs.getInt("answered"));
        String pausedLevel = rs.getString("paused_level");
        SafetyPause pause = pausedLevel == null ? null : new SafetyPause(RiskLevel.valueOf(pausedLevel),
                splitRules(rs.getString("paused_rules")));
        byte[] pending = rs.getBytes("pending_input");
        return new SessionRow(SessionId.parse(rs.getString("id")), OrganisationId.parse(rs.getString("organisation_id")),
                UserId.parse(rs.getString("user_id")), rs.getString("script_id"), rs.getInt("script_version"), state,
                rs.getInt("revision"), DbTime.read(rs, "started_at"), DbTime.read(rs, "updated_at"),
                DbTime.read(rs, "finished_at"), pause,
                pending == null ? null : new String(pending, java.nio.charset.StandardCharsets.UTF_8));
    }

    private static List<String> splitRules(String rules) {
        return rules == null || rules.isBlank() ? List.of() : List.of(rules.split(","));
    }
}
