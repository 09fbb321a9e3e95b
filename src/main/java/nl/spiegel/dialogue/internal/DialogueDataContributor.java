package nl.spiegel.dialogue.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import nl.spiegel.dialogue.ChatMessage;
import nl.spiegel.dialogue.SessionId;
import nl.spiegel.dialogue.content.ScriptCatalog;
import nl.spiegel.dialogue.engine.LocalizedText;
import nl.spiegel.dialogue.engine.Script;
import nl.spiegel.identity.UserId;
import nl.spiegel.privacy.PersonalDataContributor;
import nl.spiegel.privacy.PersonalDataSection;

/**
 * A person's dialogues (every message, the answers kept in the session) and exercises, for their data export and
 * deletion. Texts are read through {@link SessionRepository}, which decrypts them. Deleted after the modules whose
 * rows point at dialogue sessions (screenings, handoffs).
 */
@Component
@Order(300)
class DialogueDataContributor implements PersonalDataContributor {

    private final SessionRepository sessions;
    private final ScriptCatalog catalog;
    private final JdbcClient jdbc;

    DialogueDataContributor(SessionRepository sessions, ScriptCatalog catalog, JdbcClient jdbc) {
        this.sessions = sessions;
        this.catalog = catalog;
        this.jdbc = jdbc;
    }

    @Override
    public List<PersonalDataSection> export(UserId person, Locale locale) {
        List<Map<String, Object>> dialogues = new ArrayList<>();
        Map<String, String> titles = new HashMap<>();
        for (SessionRow row : sessions.findAll(person)) {
            String title = catalog.version(row.organisationId(), row.scriptId(), row.scriptVersion()).map(Script::title)
                    .map(text -> text.in(locale)).orElse(row.scriptId());
            titles.put(row.id().toString(), title);
            Map<String, Object> dialogue = new LinkedHashMap<>();
            dialogue.put("sessionId", row.id().toString());
            dialogue.put("dialogue", title);
            dialogue.put("scriptId", row.scriptId());
            dialogue.put("scriptVersion", row.scriptVersion());
            dialogue.put("status", row.state().finished() ? "FINISHED" : "ACTIVE");
            dialogue.put("startedAt", row.startedAt());
            dialogue.put("updatedAt", row.updatedAt());
            dialogue.put("finishedAt", row.finishedAt());
            dialogue.put("pausedForSafety", row.paused() ? row.pause().level().name() : null);
            List<Map<String, Object>> answers = new ArrayList<>();
            row.state().variables().forEach((name, value) -> {
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("name", name);
                answer.put("value", value);
                answers.add(answer);
            });
            dialogue.put("answers", answers);
            dialogue.put("messages", messages(row.id(), locale));
            dialogues.add(dialogue);
        }
        List<Map<String, Object>> exercises = new ArrayList<>();
        for (SessionRepository.ExerciseRow row : sessions.exercises(person)) {
            Map<String, Object> exercise = new LinkedHashMap<>();
            exercise.put("exerciseId", row.id().toString());
            exercise.put("dialogue", titles.getOrDefault(row.sessionId().toString(), row.scriptId()));
            exercise.put("title", text(row.title(), locale));
            exercise.put("text", text(row.text(), locale));
            exercise.put("createdAt", row.createdAt());
            exercise.put("doneAt", row.doneAt());
            exercises.add(exercise);
        }
        return List.of(new PersonalDataSection("dialogues", dialogues),
                new PersonalDataSection("exercises", exercises));
    }

    private List<Map<String, Object>> messages(SessionId session, Locale locale) {
        // the risk result is not part of ChatMessage; it is no personal text and not encrypted
        Map<Integer, String> risk = new HashMap<>();
        jdbc.sql("SELECT seq, risk_level FROM dialogue_messages WHERE session_id = ? AND risk_level IS NOT NULL")
                .param(session.toString())
                .query((rs, row) -> risk.put(rs.getInt("seq"), rs.getString("risk_level")))
                .list();
        List<Map<String, Object>> messages = new ArrayList<>();
        for (ChatMessage message : sessions.messages(session)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("number", message.seq());
            item.put("from", message.kind().fromUser() ? "you" : "spiegel");
            item.put("kind", message.kind().name());
            item.put("title", message.title().map(title -> text(title, locale)).orElse(null));
            item.put("text", text(message.text(), locale));
            item.put("at", message.at());
            item.put("riskLevel", risk.get(message.seq()));
            messages.add(item);
        }
        return messages;
    }

    private static String text(LocalizedText text, Locale locale) {
        return text == null ? null : text.in(locale);
    }

    @Override
    public int delete(UserId person) {
        String user = person.toString();
        int rows = jdbc.sql("""
                DELETE FROM dialogue_messages
                WHERE session_id IN (SELECT id FROM dialogue_sessions WHERE user_id = ?)""").param(user).update();
        rows += jdbc.sql("DELETE FROM exercises WHERE user_id = ?").param(user).update();
        rows += jdbc.sql("DELETE FROM dialogue_sessions WHERE user_id = ?").param(user).update();
        return rows;
    }
}
