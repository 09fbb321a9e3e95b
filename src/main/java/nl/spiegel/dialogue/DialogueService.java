package nl.spiegel.dialogue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.spiegel.dialogue.content.ScriptCatalog;
import nl.spiegel.dialogue.engine.DialogueEngine;
import nl.spiegel.dialogue.engine.LocalizedText;
import nl.spiegel.dialogue.engine.Script;
import nl.spiegel.dialogue.engine.Step;
import nl.spiegel.dialogue.engine.Turn;
import nl.spiegel.dialogue.engine.UserInput;
import nl.spiegel.dialogue.internal.SessionRepository;
import nl.spiegel.dialogue.internal.SessionRow;
import nl.spiegel.identity.Visitor;

/**
 * Starting, answering and resuming dialogues. Every answer is stored in one transaction together with the bot
 * turns it caused; only after that commit does the person see it as sent.
 */
@Service
public class DialogueService {

    private static final Logger log = LoggerFactory.getLogger(DialogueService.class);

    private final ScriptCatalog catalog;
    private final SessionRepository sessions;
    private final Clock clock;
    private final DialogueEngine engine = new DialogueEngine();

    DialogueService(ScriptCatalog catalog, SessionRepository sessions, Clock clock) {
        this.catalog = catalog;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** The dialogues on offer, with where this visitor stands in each. */
    @Transactional(readOnly = true)
    public List<DialogueCard> catalogue(Visitor visitor) {
        Map<String, List<SessionRow>> mine = sessions.findAll(visitor.userId()).stream()
                .collect(Collectors.groupingBy(SessionRow::scriptId));
        return catalog.latest().stream().map(script -> {
            List<SessionRow> rows = mine.getOrDefault(script.id(), List.of());
            DialogueCard.Status status;
            if (rows.stream().anyMatch(row -> !row.state().finished())) {
                status = DialogueCard.Status.IN_PROGRESS;
            } else if (!rows.isEmpty()) {
                status = DialogueCard.Status.DONE;
            } else {
                status = DialogueCard.Status.NEW;
            }
            return new DialogueCard(script.id(), script.title(), script.description(), script.minutes(), status);
        }).toList();
    }

    /** Resumes the dialogue where this visitor left it, or starts it when there is nothing to resume. */
    @Transactional
    public SessionSnapshot startOrResume(Visitor visitor, String scriptId) {
        return sessions.findActive(visitor.userId(), scriptId)
                .map(this::snapshot)
                .orElseGet(() -> startNew(visitor, scriptId));
    }

    /** Starts a fresh run of the newest version of a dialogue, for example to do it again. */
    @Transactional
    public SessionSnapshot startNew(Visitor visitor, String scriptId) {
        Script script = catalog.latest(scriptId).orElseThrow(() -> new UnknownDialogueException(scriptId));
        Instant now = clock.instant();
        Step step = engine.start(script);
        SessionRow row = new SessionRow(SessionId.random(), visitor.organisationId(), visitor.userId(), script.id(),
                script.version(), step.state(), 0, now, now, step.state().finished() ? now : null);
        sessions.insert(row);
        sessions.appendMessages(row.id(), row.organisationId(), 1, step.turns(), now);
        log.info("session {} started on {} v{}", row.id(), script.id(), script.version());
        return snapshot(row);
    }

    @Transactional(readOnly = true)
    public SessionSnapshot open(Visitor visitor, SessionId id) {
        return snapshot(sessions.find(visitor.userId(), id).orElseThrow(() -> new SessionNotFoundException(id)));
    }

    /**
     * Stores a reply and everything it leads to.
     *
     * @param revision the revision of the snapshot the person answered; a different one means the session moved on
     *                 elsewhere and nothing is stored
     * @throws nl.spiegel.dialogue.engine.InvalidInputException when the reply does not fit (empty, too long, ...)
     */
    @Transactional
    public SessionSnapshot answer(Visitor visitor, SessionId id, int revision, UserInput input) {
        SessionRow row = sessions.find(visitor.userId(), id).orElseThrow(() -> new SessionNotFoundException(id));
        if (row.revision() != revision) {
            throw new StaleSessionException(id);
        }
        Script script = scriptOf(row);
        Step step = engine.next(script, row.state(), input);
        Instant now = clock.instant();
        if (!sessions.update(id, revision, step.state(), now)) {
            throw new StaleSessionException(id);
        }
        sessions.appendMessages(id, row.organisationId(), sessions.messageCount(id) + 1, step.turns(), now);
        for (Turn turn : step.turns()) {
            if (turn.kind() == Turn.Kind.EXERCISE) {
                sessions.insertExercise(ExerciseId.random(), row, turn, now);
            }
        }
        if (step.state().finished()) {
            log.info("session {} finished", id);
        }
        return open(visitor, id);
    }

    /** Every dialogue this visitor started, newest first, with the summary of finished ones. */
    @Transactional(readOnly = true)
    public List<PastDialogue> history(Visitor visitor) {
        return sessions.findAll(visitor.userId()).stream().map(row -> new PastDialogue(row.id(), row.scriptId(),
                scriptOf(row).title(), row.state().finished(), row.startedAt(), row.updatedAt(),
                row.state().finished()
                        ? sessions.messages(row.id()).stream()
                            .filter(message -> message.kind() == Turn.Kind.SUMMARY).toList()
                        : List.of())).toList();
    }

    @Transactional(readOnly = true)
    public List<ExerciseItem> exercises(Visitor visitor) {
        Map<String, LocalizedText> titles = catalog.latest().stream()
                .collect(Collectors.toMap(Script::id, Script::title));
        Map<SessionId, SessionRow> rows = sessions.findAll(visitor.userId()).stream()
                .collect(Collectors.toMap(SessionRow::id, Function.identity()));
        return sessions.exercises(visitor.userId()).stream().map(exercise -> new ExerciseItem(exercise.id(),
                exercise.title(), exercise.text(),
                rows.containsKey(exercise.sessionId()) ? scriptOf(rows.get(exercise.sessionId())).title()
                        : titles.getOrDefault(exercise.scriptId(), LocalizedText.verbatim(exercise.scriptId())),
                exercise.createdAt(), exercise.doneAt())).toList();
    }

    @Transactional
    public void markExercise(Visitor visitor, ExerciseId id, boolean done) {
        if (!sessions.setExerciseDone(visitor.userId(), id, done ? clock.instant() : null)) {
            throw new IllegalArgumentException("No exercise " + id + " for this visitor");
        }
    }

    private Script scriptOf(SessionRow row) {
        // the session keeps the version it started with, so a content update never changes a running dialogue
        return catalog.version(row.scriptId(), row.scriptVersion()).orElseThrow(() -> new IllegalStateException(
                "Script " + row.scriptId() + " v" + row.scriptVersion() + " is no longer installed; "
                        + "published versions must be kept"));
    }

    private SessionSnapshot snapshot(SessionRow row) {
        Script script = scriptOf(row);
        return new SessionSnapshot(row.id(), row.scriptId(), script.title(), sessions.messages(row.id()),
                engine.prompt(script, row.state()), engine.progress(script, row.state()), row.state().finished(),
                row.revision(), row.startedAt(), row.finishedAt());
    }
}
