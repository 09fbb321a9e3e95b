package nl.spiegel.dialogue.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import nl.spiegel.dialogue.ChatMessage;
import nl.spiegel.dialogue.SessionId;
import nl.spiegel.dialogue.content.ScriptCatalog;
import nl.spiegel.dialogue.engine.LocalizedText;
import nl.spiegel.dialogue.engine.Node;
import nl.spiegel.dialogue.engine.Script;
import nl.spiegel.identity.UserId;
import nl.spiegel.privacy.PersonalDataContributor;
import nl.spiegel.privacy.PersonalDataSection;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;

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
    private final SpiegelI18NProvider i18n;
    private final JournalRepository journal;

    DialogueDataContributor(SessionRepository sessions, ScriptCatalog catalog, SpiegelI18NProvider i18n,
                            JournalRepository journal) {
        this.journal = journal;
        this.sessions = sessions;
        this.catalog = catalog;
        this.i18n = i18n;
    }

    /**
     * Readable in the person's language: titles, statuses and labels as words, no internal ids or codes. Every message
     * and answer is given in the language it was shown in.
     */
    @Override
    public List<PersonalDataSection> export(UserId person, Locale locale) {
        List<Map<String, Object>> dialogues = new ArrayList<>();
        Map<String, String> titles = new HashMap<>();
        Map<String, String> shownIn = new HashMap<>();
        for (SessionRow row : sessions.findAll(person)) {
            Optional<Script> script = catalog.version(row.organisationId(), row.scriptId(), row.scriptVersion());
            SessionRepository.ShownLanguages languages = sessions.shownLanguages(row.id());
            String language = languages.session().orElse(locale.getLanguage());
            shownIn.put(row.id().toString(), language);
            String title = script.map(Script::title).map(text -> text.in(locale)).orElse(row.scriptId());
            titles.put(row.id().toString(), title);
            Map<String, Object> dialogue = new LinkedHashMap<>();
            dialogue.put("dialogue", title);
            dialogue.put("status", t(row.state().finished() ? "mydata.value.finished" : "mydata.value.active", locale));
            dialogue.put("shownIn", t("language." + language, locale));
            dialogue.put("startedAt", row.startedAt());
            dialogue.put("updatedAt", row.updatedAt());
            dialogue.put("finishedAt", row.finishedAt());
            dialogue.put("pausedForSafety", row.paused()
                    ? t("handoff.level." + row.pause().level().code(), locale) : null);
            dialogue.put("answers", script.map(value -> answers(value, row, language)).orElse(List.of()));
            dialogue.put("messages", messages(row.id(), languages, language, locale));
            dialogues.add(dialogue);
        }
        List<Map<String, Object>> exercises = new ArrayList<>();
        for (SessionRepository.ExerciseRow row : sessions.exercises(person)) {
            String language = shownIn.getOrDefault(row.sessionId().toString(), locale.getLanguage());
            Map<String, Object> exercise = new LinkedHashMap<>();
            exercise.put("dialogue", titles.getOrDefault(row.sessionId().toString(), row.scriptId()));
            exercise.put("title", text(row.title(), language));
            exercise.put("text", text(row.text(), language));
            exercise.put("createdAt", row.createdAt());
            exercise.put("doneAt", row.doneAt());
            exercise.put("notes", journal.notes(row.id(), person).stream().map(note -> {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("writtenAt", note.writtenAt());
                item.put("text", note.text());
                return item;
            }).toList());
            exercise.put("howItWent", journal.followUps(row.id(), person).stream().map(followUp -> {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("at", followUp.at());
                item.put("outcome", t("exercises.followup.outcome." + followUp.outcome().code(), locale));
                item.put("note", followUp.note().isEmpty() ? null : followUp.note());
                return item;
            }).toList());
            exercise.put("reminder", journal.reminder(row.id(), person).map(reminder -> {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("next", reminder.next());
                item.put("repeat", t("exercises.reminder.repeat." + reminder.repeatDays(), locale));
                return item;
            }).orElse(null));
            exercises.add(exercise);
        }
        return List.of(new PersonalDataSection("dialogues", dialogues),
                new PersonalDataSection("exercises", exercises));
    }

    /**
     * Each answer with the question it answered, in the language the dialogue was shown in; a chosen option as its
     * label. Values the script keeps for itself (set by an option, risk levels) are left out: they are no answers.
     */
    private static List<Map<String, Object>> answers(Script script, SessionRow row, String language) {
        List<Map<String, Object>> answers = new ArrayList<>();
        for (Node node : script.nodes().values()) {
            String value = switch (node) {
                case Node.Question question -> row.state().variables().get(question.variable());
                case Node.Choice choice when choice.variable() != null -> row.state().variables().get(choice.variable());
                default -> null;
            };
            if (value == null || answers.stream().anyMatch(answer -> answer.get("question").equals(questionOf(node, language)))) {
                continue;
            }
            String shown = node instanceof Node.Choice choice ? choice.options().stream()
                    .filter(option -> option.value().equals(value)).findFirst()
                    .map(option -> option.label().in(language)).orElse(value) : value;
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("question", questionOf(node, language));
            answer.put("answer", shown);
            answers.add(answer);
        }
        return answers;
    }

    private static String questionOf(Node node, String language) {
        return switch (node) {
            case Node.Question question -> question.text().in(language);
            case Node.Choice choice -> choice.text().in(language);
            default -> "";
        };
    }

    private List<Map<String, Object>> messages(SessionId session, SessionRepository.ShownLanguages languages,
                                               String sessionLanguage, Locale locale) {
        // the risk result is not part of ChatMessage; it is no personal text and not encrypted
        Map<Integer, String> risk = sessions.messageLevels(session);
        List<Map<String, Object>> messages = new ArrayList<>();
        for (ChatMessage message : sessions.messages(session)) {
            String language = languages.messages().getOrDefault(message.seq(), sessionLanguage);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("number", message.seq());
            item.put("from", t(message.kind().fromUser() ? "mydata.value.from-you" : "mydata.value.from-spiegel", locale));
            item.put("kind", t("mydata.value.kind." + message.kind().name().toLowerCase(Locale.ROOT), locale));
            item.put("title", message.title().map(title -> text(title, language)).orElse(null));
            item.put("text", text(message.text(), language));
            item.put("at", message.at());
            String level = risk.get(message.seq());
            item.put("riskLevel", level == null || level.equals("NONE") ? null
                    : t("handoff.level." + level.toLowerCase(Locale.ROOT), locale));
            messages.add(item);
        }
        return messages;
    }

    private static String text(LocalizedText text, String language) {
        return text == null ? null : text.in(language);
    }

    private String t(String key, Locale locale) {
        return i18n.getTranslation(key, locale);
    }

    @Override
    public int delete(UserId person) {
        // the journal points at the exercises
        return journal.deleteAll(person) + sessions.deleteAll(person);
    }
}
