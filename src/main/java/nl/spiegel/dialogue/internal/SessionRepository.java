package nl.spiegel.dialogue.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.spiegel.dialogue.ChatMessage;
import nl.spiegel.dialogue.ExerciseId;
import nl.spiegel.dialogue.MessageKey;
import nl.spiegel.dialogue.SafetyPause;
import nl.spiegel.dialogue.SessionId;
import nl.spiegel.dialogue.engine.DialogueState;
import nl.spiegel.dialogue.engine.LocalizedText;
import nl.spiegel.dialogue.engine.Turn;
import nl.spiegel.identity.UserId;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.risk.RiskLevel;
import nl.spiegel.shared.crypto.EncryptedColumn;
import nl.spiegel.shared.crypto.FieldCipher;
import nl.spiegel.shared.database.DbTime;

/**
 * Sessions, their messages and exercises. Every query is scoped to the owning user. What a person wrote, and every
 * text that mirrors it (messages, exercises, the answers in the session variables), is stored encrypted with
 * {@link FieldCipher} next to the id of its key; every value is bound to its column and its session
 * (or exercise); a value without a key id is refused until the key rotation encrypts it.
 */
@Repository
public class SessionRepository {

    public record ExerciseRow(ExerciseId id, SessionId sessionId, String scriptId, LocalizedText title,
                              LocalizedText text, Instant createdAt, Instant doneAt) {
    }

    /**
     * A session about to be answered, with the number of its last message (the next one gets the one after) and, when
     * the answer's key was stored before, the number of the message stored with it (0 when not).
     */
    public record Answering(SessionRow row, int lastSeq, int keyedSeq) {

        public boolean alreadyStored() {
            return keyedSeq > 0;
        }
    }

    private static final String ACTIVE = "ACTIVE";
    private static final String FINISHED = "FINISHED";
    private static final String SESSION_COLUMNS = """
            id, organisation_id, user_id, script_id, script_version, node_id, variables, status, answered, revision,
            started_at, updated_at, finished_at, paused_level, paused_rules, pending_input, key_id,
            pending_input_key_id""";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    SessionRepository(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public void insert(SessionRow row) {
        jdbc.sql("""
                INSERT INTO dialogue_sessions (id, organisation_id, user_id, script_id, script_version, node_id,
                    variables, key_id, status, answered, revision, started_at, updated_at, finished_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(row.id().toString(), row.organisationId().toString(), row.userId().toString(), row.scriptId(),
                        row.scriptVersion(), row.state().nodeId(), variables(row.id(), row.state()), cipher.activeKeyId(),
                        status(row.state()), row.state().answered(), row.revision(), DbTime.write(row.startedAt()),
                        DbTime.write(row.updatedAt()), DbTime.write(row.finishedAt()))
                .update();
    }

    /** Moves a session on, but only from the revision the caller saw; false when someone else was first. */
    public boolean update(SessionId id, int expectedRevision, DialogueState state, Instant now) {
        return jdbc.sql("""
                UPDATE dialogue_sessions
                SET node_id = ?, variables = ?, key_id = ?, status = ?, answered = ?, revision = revision + 1,
                    updated_at = ?, finished_at = ?
                WHERE id = ? AND revision = ?""")
                .params(state.nodeId(), variables(id, state), cipher.activeKeyId(), status(state), state.answered(),
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
                SET paused_level = ?, paused_rules = ?, pending_input = ?, pending_input_key_id = ?,
                    revision = revision + 1, updated_at = ?
                WHERE id = ? AND revision = ?""")
                .params(pause.level().name(), String.join(",", pause.ruleIds()),
                        cipher.encrypt(DialogueEncryptedColumns.SESSION_PENDING_INPUT, id.toString(), pendingInput),
                        pendingInput == null ? null : cipher.activeKeyId(),
                        DbTime.write(now),
                        id.toString(), expectedRevision)
                .update() == 1;
    }

    /** Ends a safety pause and moves the session on, from the revision the caller saw. */
    public boolean resume(SessionId id, int expectedRevision, DialogueState state, Instant now) {
        return jdbc.sql("""
                UPDATE dialogue_sessions
                SET node_id = ?, variables = ?, key_id = ?, status = ?, answered = ?, revision = revision + 1,
                    updated_at = ?, finished_at = ?, paused_level = NULL, paused_rules = NULL, pending_input = NULL,
                    pending_input_key_id = NULL
                WHERE id = ? AND revision = ?""")
                .params(state.nodeId(), variables(id, state), cipher.activeKeyId(), status(state), state.answered(),
                        DbTime.write(now), state.finished() ? DbTime.write(now) : null, id.toString(), expectedRevision)
                .update() == 1;
    }

    public Optional<SessionRow> find(UserId owner, SessionId id) {
        return jdbc.sql("SELECT " + SESSION_COLUMNS + " FROM dialogue_sessions WHERE id = ? AND user_id = ?")
                .params(id.toString(), owner.toString())
                .query(this::mapSession)
                .optional();
    }

    /**
     * {@link #find} plus the last message number and whether an answer with this key (may be null) is already stored,
     * in one round trip: all an answer needs to read.
     */
    public Optional<Answering> findForAnswer(UserId owner, SessionId id, MessageKey key) {
        return jdbc.sql("SELECT " + SESSION_COLUMNS + """
                        , (SELECT COALESCE(MAX(m.seq), 0) FROM dialogue_messages m WHERE m.session_id = ?) AS last_seq,
                        (SELECT COALESCE(MIN(k.seq), 0) FROM dialogue_messages k
                         WHERE k.session_id = ? AND k.client_key = ?) AS keyed_seq
                        FROM dialogue_sessions WHERE id = ? AND user_id = ?""")
                .params(id.toString(), id.toString(), key == null ? null : key.toString(), id.toString(),
                        owner.toString())
                .query((rs, n) -> new Answering(mapSession(rs, n), rs.getInt("last_seq"), rs.getInt("keyed_seq")))
                .optional();
    }

    /** Whether a message with this key is stored in this owner's session. */
    public boolean hasMessageWithKey(UserId owner, SessionId id, MessageKey key) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM dialogue_messages m JOIN dialogue_sessions s ON s.id = m.session_id
                        WHERE m.session_id = ? AND m.client_key = ? AND s.user_id = ?""")
                .params(id.toString(), key.toString(), owner.toString())
                .query(Integer.class).single() > 0;
    }

    public Optional<SessionRow> findActive(UserId owner, String scriptId) {
        return jdbc.sql("SELECT " + SESSION_COLUMNS + """
                         FROM dialogue_sessions WHERE user_id = ? AND script_id = ? AND status = 'ACTIVE'
                        ORDER BY updated_at DESC LIMIT 1""")
                .params(owner.toString(), scriptId)
                .query(this::mapSession)
                .optional();
    }

    /** Which dialogues a person has sessions of and whether each session is finished, without loading content. */
    public List<Map.Entry<String, Boolean>> scriptStatuses(UserId owner) {
        return jdbc.sql("SELECT script_id, status FROM dialogue_sessions WHERE user_id = ?")
                .param(owner.toString())
                .query((rs, row) -> Map.entry(rs.getString("script_id"), FINISHED.equals(rs.getString("status"))))
                .list();
    }

    /** All sessions of a person, most recently used first. */
    public List<SessionRow> findAll(UserId owner) {
        return jdbc.sql("SELECT " + SESSION_COLUMNS + " FROM dialogue_sessions WHERE user_id = ? ORDER BY updated_at DESC")
                .param(owner.toString())
                .query(this::mapSession)
                .list();
    }

    public void appendMessages(SessionId session, OrganisationId organisation, int firstSeq, List<Turn> turns,
                               Instant now) {
        appendMessages(session, organisation, firstSeq, turns, now, null, List.of());
    }

    /**
     * Stores turns from {@code firstSeq} on in one multi-row insert; {@code firstRisk} (when not null) and its rule
     * ids are stored with the first turn, the person's message, so no update follows.
     */
    public void appendMessages(SessionId session, OrganisationId organisation, int firstSeq, List<Turn> turns,
                               Instant now, RiskLevel firstRisk, List<String> firstRules) {
        appendMessages(session, organisation, firstSeq, turns, now, firstRisk, firstRules, null);
    }

    /**
     * As {@link #appendMessages(SessionId, OrganisationId, int, List, Instant, RiskLevel, List)}, with the key of the
     * person's answer (may be null) stored on the first turn; the unique index on it refuses the same answer twice.
     */
    public void appendMessages(SessionId session, OrganisationId organisation, int firstSeq, List<Turn> turns,
                               Instant now, RiskLevel firstRisk, List<String> firstRules, MessageKey firstKey) {
        if (turns.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("""
                INSERT INTO dialogue_messages (session_id, organisation_id, seq, kind, node_id, title, body, key_id,
                    created_at, risk_level, risk_rules, client_key, language, learn_topic)
                VALUES """);
        List<Object> params = new java.util.ArrayList<>(turns.size() * 13);
        int seq = firstSeq;
        for (Turn turn : turns) {
            sql.append(seq == firstSeq ? "" : ", ")
                    .append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT language FROM dialogue_sessions WHERE id = ?), ?)");
            boolean first = seq == firstSeq;
            boolean risky = first && firstRisk != null;
            params.addAll(java.util.Arrays.asList(session.toString(), organisation.toString(), seq++,
                    turn.kind().name(), turn.nodeId(),
                    seal(DialogueEncryptedColumns.MESSAGE_TITLE, session, turn.title().orElse(null)),
                    seal(DialogueEncryptedColumns.MESSAGE_BODY, session, turn.text()), cipher.activeKeyId(),
                    DbTime.write(now), risky ? firstRisk.name() : null,
                    risky ? String.join(",", firstRules) : null,
                    first && firstKey != null ? firstKey.toString() : null, session.toString(),
                    turn.learn().orElse(null)));
        }
        jdbc.sql(sql.toString()).params(params).update();
    }

    /**
     * The person now sees the session in this language: messages stored before without a language keep the one they
     * were shown in (the session's earlier language, or this one for a new session), later messages get this one.
     */
    public void showIn(UserId owner, SessionId session, String language) {
        jdbc.sql("""
                UPDATE dialogue_messages m JOIN dialogue_sessions s ON s.id = m.session_id
                SET m.language = COALESCE(s.language, ?)
                WHERE m.session_id = ? AND s.user_id = ? AND m.language IS NULL""")
                .params(language, session.toString(), owner.toString()).update();
        jdbc.sql("UPDATE dialogue_sessions SET language = ? WHERE id = ? AND user_id = ?")
                .params(language, session.toString(), owner.toString()).update();
    }

    /** The language of the session and of each message (by seq) as they were shown; empty where not known. */
    public record ShownLanguages(Optional<String> session, Map<Integer, String> messages) {
    }

    public ShownLanguages shownLanguages(SessionId session) {
        Optional<String> own = jdbc.sql("SELECT language FROM dialogue_sessions WHERE id = ?")
                .param(session.toString()).query((rs, row) -> Optional.ofNullable(rs.getString("language")))
                .optional().flatMap(language -> language);
        Map<Integer, String> messages = new java.util.HashMap<>();
        jdbc.sql("SELECT seq, language FROM dialogue_messages WHERE session_id = ? AND language IS NOT NULL")
                .param(session.toString())
                .query((rs, row) -> messages.put(rs.getInt("seq"), rs.getString("language"))).list();
        return new ShownLanguages(own, messages);
    }

    public List<ChatMessage> messages(SessionId session) {
        return jdbc.sql("""
                SELECT seq, kind, title, body, key_id, created_at, learn_topic FROM dialogue_messages
                WHERE session_id = ?
                ORDER BY seq""")
                .param(session.toString())
                .query((rs, row) -> new ChatMessage(rs.getInt("seq"), Turn.Kind.valueOf(rs.getString("kind")),
                        open(rs, DialogueEncryptedColumns.MESSAGE_BODY, session),
                        Optional.ofNullable(open(rs, DialogueEncryptedColumns.MESSAGE_TITLE, session)),
                        DbTime.read(rs, "created_at"), Optional.ofNullable(rs.getString("learn_topic"))))
                .list();
    }

    /** The messages of a session from number {@code fromSeq} on, in order. */
    public List<ChatMessage> messagesFrom(SessionId session, int fromSeq) {
        return jdbc.sql("""
                SELECT seq, kind, title, body, key_id, created_at FROM dialogue_messages WHERE session_id = ? AND seq >= ?
                ORDER BY seq""")
                .params(session.toString(), fromSeq)
                .query((rs, row) -> new ChatMessage(rs.getInt("seq"), Turn.Kind.valueOf(rs.getString("kind")),
                        open(rs, DialogueEncryptedColumns.MESSAGE_BODY, session),
                        Optional.ofNullable(open(rs, DialogueEncryptedColumns.MESSAGE_TITLE, session)),
                        DbTime.read(rs, "created_at")))
                .list();
    }

    /** The person's latest message in the session that the detector rated concern or crisis, as they wrote it. */
    public Optional<String> latestRiskyText(UserId owner, SessionId session) {
        return jdbc.sql("""
                SELECT m.body, m.key_id FROM dialogue_messages m JOIN dialogue_sessions s ON s.id = m.session_id
                WHERE m.session_id = ? AND s.user_id = ? AND m.kind = 'USER_TEXT'
                  AND m.risk_level IN ('CONCERN', 'CRISIS')
                ORDER BY m.seq DESC LIMIT 1""")
                .params(session.toString(), owner.toString())
                .query((rs, row) -> open(rs, DialogueEncryptedColumns.MESSAGE_BODY, session).in(LocalizedText.ANY))
                .optional();
    }

    /** The risk level stored with each of the session's messages, by message seq; messages without one are left out. */
    public Map<Integer, String> messageLevels(SessionId session) {
        Map<Integer, String> levels = new HashMap<>();
        jdbc.sql("SELECT seq, risk_level FROM dialogue_messages WHERE session_id = ? AND risk_level IS NOT NULL")
                .param(session.toString())
                .query((rs, row) -> levels.put(rs.getInt("seq"), rs.getString("risk_level")))
                .list();
        return levels;
    }

    /** Deletes the person's dialogue sessions with their messages and exercises (the journal goes first). */
    public int deleteAll(UserId owner) {
        String user = owner.toString();
        int rows = jdbc.sql("""
                DELETE FROM dialogue_messages
                WHERE session_id IN (SELECT id FROM dialogue_sessions WHERE user_id = ?)""").param(user).update();
        rows += jdbc.sql("DELETE FROM exercises WHERE user_id = ?").param(user).update();
        return rows + jdbc.sql("DELETE FROM dialogue_sessions WHERE user_id = ?").param(user).update();
    }

    /** The risk rule ids stored with the session's messages, by message seq; messages without any are left out. */
    public java.util.Map<Integer, List<String>> messageRisks(SessionId session) {
        java.util.Map<Integer, List<String>> risks = new java.util.TreeMap<>();
        jdbc.sql("SELECT seq, risk_rules FROM dialogue_messages WHERE session_id = ? AND risk_level IS NOT NULL"
                        + " AND risk_level <> 'NONE'")
                .param(session.toString())
                .query((rs, n) -> {
                    String ids = rs.getString(2);
                    risks.put(rs.getInt(1), ids == null || ids.isBlank() ? List.of() : List.of(ids.split(",")));
                    return n;
                }).list();
        return risks;
    }

    /**
     * What earlier messages of the session showed: the levels and rule ids stored with them (never their text), so
     * the detector reads a new message in the light of the conversation.
     */
    public nl.spiegel.risk.RiskContext riskContext(SessionId session) {
        List<RiskLevel> levels = new java.util.ArrayList<>();
        List<List<String>> rules = new java.util.ArrayList<>();
        jdbc.sql("SELECT risk_level, risk_rules FROM dialogue_messages WHERE session_id = ? AND risk_level IS NOT NULL"
                        + " AND risk_level <> 'NONE'")
                .param(session.toString())
                .query((rs, n) -> {
                    levels.add(RiskLevel.valueOf(rs.getString(1)));
                    String ids = rs.getString(2);
                    rules.add(ids == null || ids.isBlank() ? List.of() : List.of(ids.split(",")));
                    return n;
                }).list();
        return nl.spiegel.risk.RiskContext.of(levels, rules);
    }

    public void insertExercise(ExerciseId id, SessionRow session, Turn turn, Instant now) {
        jdbc.sql("""
                INSERT INTO exercises (id, organisation_id, user_id, session_id, script_id, node_id, title, body, key_id,
                    created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id.toString(), session.organisationId().toString(), session.userId().toString(),
                        session.id().toString(), session.scriptId(), turn.nodeId(),
                        seal(DialogueEncryptedColumns.EXERCISE_TITLE, id, turn.title().orElseThrow()),
                        seal(DialogueEncryptedColumns.EXERCISE_BODY, id, turn.text()), cipher.activeKeyId(),
                        DbTime.write(now))
                .update();
    }

    public List<ExerciseRow> exercises(UserId owner) {
        return jdbc.sql("""
                SELECT id, session_id, script_id, title, body, key_id, created_at, done_at FROM exercises
                WHERE user_id = ? ORDER BY created_at DESC""")
                .param(owner.toString())
                .query((rs, row) -> new ExerciseRow(ExerciseId.parse(rs.getString("id")),
                        SessionId.parse(rs.getString("session_id")), rs.getString("script_id"),
                        open(rs, DialogueEncryptedColumns.EXERCISE_TITLE, rs.getString("id")),
                        open(rs, DialogueEncryptedColumns.EXERCISE_BODY, rs.getString("id")),
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

    private byte[] variables(SessionId session, DialogueState state) {
        return cipher.encrypt(DialogueEncryptedColumns.SESSION_VARIABLES, session.toString(),
                JsonCodec.write(state.variables()));
    }

    private byte[] seal(EncryptedColumn column, Object binding, LocalizedText text) {
        return cipher.encrypt(column, binding.toString(), JsonCodec.write(text));
    }

    /** A text column of a message or exercise row, whose key id is in {@code key_id}. */
    private LocalizedText open(ResultSet rs, EncryptedColumn column, Object binding) throws SQLException {
        return JsonCodec.readText(cipher.decrypt(column, binding.toString(), rs.getBytes(column.dataColumn()),
                rs.getString("key_id")));
    }

    private SessionRow mapSession(ResultSet rs, int row) throws SQLException {
        String id = rs.getString("id");
        byte[] variables = cipher.decrypt(DialogueEncryptedColumns.SESSION_VARIABLES, id, rs.getBytes("variables"),
                rs.getString("key_id"));
        DialogueState state = new DialogueState(rs.getString("node_id"), JsonCodec.readMap(variables),
                FINISHED.equals(rs.getString("status")), rs.getInt("answered"));
        String pausedLevel = rs.getString("paused_level");
        SafetyPause pause = pausedLevel == null ? null : new SafetyPause(RiskLevel.valueOf(pausedLevel),
                splitRules(rs.getString("paused_rules")));
        String pending = cipher.decryptToString(DialogueEncryptedColumns.SESSION_PENDING_INPUT, id,
                rs.getBytes("pending_input"), rs.getString("pending_input_key_id"));
        return new SessionRow(SessionId.parse(id), OrganisationId.parse(rs.getString("organisation_id")),
                UserId.parse(rs.getString("user_id")), rs.getString("script_id"), rs.getInt("script_version"), state,
                rs.getInt("revision"), DbTime.read(rs, "started_at"), DbTime.read(rs, "updated_at"),
                DbTime.read(rs, "finished_at"), pause, pending);
    }

    private static List<String> splitRules(String rules) {
        return rules == null || rules.isBlank() ? List.of() : List.of(rules.split(","));
    }
}
