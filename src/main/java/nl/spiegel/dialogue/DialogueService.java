package nl.spiegel.dialogue;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.spiegel.dialogue.content.ScriptCatalog;
import nl.spiegel.dialogue.engine.DialogueContext;
import nl.spiegel.dialogue.engine.DialogueEngine;
import nl.spiegel.dialogue.engine.DialogueState;
import nl.spiegel.dialogue.engine.InvalidInputException;
import nl.spiegel.dialogue.engine.LocalizedText;
import nl.spiegel.dialogue.engine.Node;
import nl.spiegel.dialogue.engine.Prompt;
import nl.spiegel.dialogue.engine.Script;
import nl.spiegel.dialogue.engine.Step;
import nl.spiegel.dialogue.engine.Turn;
import nl.spiegel.dialogue.engine.UserInput;
import nl.spiegel.dialogue.internal.JournalRepository;
import nl.spiegel.dialogue.internal.SessionRepository;
import nl.spiegel.dialogue.internal.SessionRow;
import nl.spiegel.identity.Visitor;
import nl.spiegel.shared.database.RetryOnConflict;
import nl.spiegel.risk.RiskAssessment;
import nl.spiegel.risk.RiskDetector;
import nl.spiegel.risk.RiskLevel;

/**
 * Starting, answering and resuming dialogues. Every answer is stored in one transaction together with the bot
 * turns it caused; only after that commit does the person see it as sent. A transaction that loses to another one
 * (a deadlock, or a certification conflict on a Galera cluster) is run again at once ({@link RetryOnConflict}).
 */
@Service
@RetryOnConflict
public class DialogueService {

    private static final Logger log = LoggerFactory.getLogger(DialogueService.class);
    /** The risk rule a questionnaire's safety rule raises (PHQ-9 item 9): thoughts of being dead or of self-harm. */
    static final String QUESTIONNAIRE_SAFETY_RULE = "questionnaire.crisis.suicide-mention";

    private final ScriptCatalog catalog;
    private final SessionRepository sessions;
    private final RiskDetector riskDetector;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JournalRepository journal;
    private final ExerciseProperties exerciseProperties;
    private final DialogueEngine engine = new DialogueEngine();

    DialogueService(ScriptCatalog catalog, SessionRepository sessions, RiskDetector riskDetector,
                    ApplicationEventPublisher events, Clock clock, JournalRepository journal,
                    ExerciseProperties exerciseProperties) {
        this.journal = journal;
        this.exerciseProperties = exerciseProperties;
        this.catalog = catalog;
        this.sessions = sessions;
        this.riskDetector = riskDetector;
        this.events = events;
        this.clock = clock;
    }

    /** The dialogues on offer, with where this visitor stands in each. */
    @Transactional(readOnly = true)
    public List<DialogueCard> catalogue(Visitor visitor) {
        Map<String, List<Boolean>> finishedByScript = sessions.scriptStatuses(visitor.userId()).stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return catalog.latest(visitor.organisationId()).stream().map(script -> {
            List<Boolean> finished = finishedByScript.getOrDefault(script.id(), List.of());
            DialogueCard.Status status;
            if (finished.contains(false)) {
                status = DialogueCard.Status.IN_PROGRESS;
            } else if (!finished.isEmpty()) {
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
        Script script = catalog.latest(visitor.organisationId(), scriptId).orElseThrow(() -> new UnknownDialogueException(scriptId));
        Instant now = clock.instant();
        Step step = engine.start(script, context(visitor, now));
        SessionRow row = new SessionRow(SessionId.random(), visitor.organisationId(), visitor.userId(), script.id(),
                script.version(), step.state(), 0, now, now, step.state().finished() ? now : null);
        sessions.insert(row);
        sessions.appendMessages(row.id(), row.organisationId(), 1, step.turns(), now);
        log.info("session {} started on {} v{}", row.id(), script.id(), script.version());
        return snapshot(row);
    }

    /** What a dialogue may refer to when it starts: how the newest recent "how did it go?" answer turned out. */
    private Map<String, String> context(Visitor visitor, Instant now) {
        return journal.latestFollowUp(visitor.userId(), now.minus(exerciseProperties.followUpMemory()))
                .map(followUp -> Map.of(DialogueContext.LAST_FOLLOWUP, followUp.outcome().code()))
                .orElse(Map.of());
    }

    /** Remembers the language the person sees this dialogue in, so their data export shows it the same way. */
    @Transactional
    public void shownIn(Visitor visitor, SessionId id, java.util.Locale locale) {
        String language = locale == null || !LocalizedText.LANGUAGES.contains(locale.getLanguage())
                ? LocalizedText.LANGUAGES.getFirst() : locale.getLanguage();
        sessions.showIn(visitor.userId(), id, language);
    }

    @Transactional(readOnly = true)
    public SessionSnapshot open(Visitor visitor, SessionId id) {
        return snapshot(sessions.find(visitor.userId(), id).orElseThrow(() -> new SessionNotFoundException(id)));
    }

    /**
     * Whether an answer sent with this key is stored in this person's session: a chat asks before it puts back text
     * that a browser tab kept across a reload. False for a session that is not this person's.
     */
    @Transactional(readOnly = true)
    public boolean answerStored(Visitor visitor, SessionId id, MessageKey key) {
        return sessions.hasMessageWithKey(visitor.userId(), id, key);
    }

    /**
     * Stores a reply and everything it leads to, and returns the whole session as stored.
     *
     * @param revision the revision of the snapshot the person answered; a different one means the session moved on
     *                 elsewhere and nothing is stored
     * @throws nl.spiegel.dialogue.engine.InvalidInputException when the reply does not fit (empty, too long, ...)
     */
    @Transactional
    public SessionSnapshot answer(Visitor visitor, SessionId id, int revision, UserInput input) {
        return answer(visitor, id, revision, input, null);
    }

    /**
     * As {@link #answer(Visitor, SessionId, int, UserInput)}, for an answer sent with a key: when an answer with this
     * key is already stored in the session (the first attempt committed but its response was lost), nothing is stored
     * again and the session is returned as stored.
     */
    @Transactional
    public SessionSnapshot answer(Visitor visitor, SessionId id, int revision, UserInput input, MessageKey key) {
        advance(visitor, id, revision, input, key);
        return open(visitor, id);
    }

    /**
     * Stores a reply and everything it leads to, and returns only what changed: the chat already shows the earlier
     * messages, so nothing is read back or decrypted again. The person's message is stored with its risk in the same
     * insert as the turns it caused.
     *
     * @param revision the revision of the snapshot the person answered; a different one means the session moved on
     *                 elsewhere and nothing is stored
     * @throws nl.spiegel.dialogue.engine.InvalidInputException when the reply does not fit (empty, too long, ...)
     */
    @Transactional
    public SessionUpdate advance(Visitor visitor, SessionId id, int revision, UserInput input) {
        return advance(visitor, id, revision, input, null);
    }

    /**
     * As {@link #advance(Visitor, SessionId, int, UserInput)}, for an answer sent with a key (may be null). When an
     * answer with this key is already stored in the session, nothing is stored again: the update returned holds every
     * message from that answer on and where the session stands now, whatever revision the caller saw. Two attempts
     * with the same key at the same moment store it once; the later one then gets a {@link StaleSessionException}.
     */
    @Transactional
    public SessionUpdate advance(Visitor visitor, SessionId id, int revision, UserInput input, MessageKey key) {
        SessionRepository.Answering answering = sessions.findForAnswer(visitor.userId(), id, key)
                .orElseThrow(() -> new SessionNotFoundException(id));
        if (answering.alreadyStored()) {
            log.info("answer on session {} was stored before; returned as stored", id);
            return storedUpdate(answering);
        }
        checkCurrent(answering, id, revision, false);
        SessionRow row = answering.row();
        Script script = scriptOf(row);
        // stored with microseconds, so what is returned equals what a later read gives
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int firstSeq = answering.lastSeq() + 1;
        Step step;
        try {
            // the engine validates the reply (empty, too long, wrong kind) before anything is stored
            step = engine.next(script, row.state(), input);
        } catch (InvalidInputException invalid) {
            // a message that cannot be accepted as an answer (too long, say) still gets help when it shows risk
            if (input instanceof UserInput.Text(String raw) && raw != null && !raw.isBlank()) {
                RiskAssessment risk = riskDetector.assess(raw, null);
                if (risk.isAtLeast(RiskLevel.CONCERN)) {
                    Turn userTurn = Turn.of(Turn.Kind.USER_TEXT, row.state().nodeId(), LocalizedText.verbatim(raw.strip()));
                    return pauseForSafety(row, userTurn, null, risk, firstSeq, now, key);
                }
            }
            throw invalid;
        }
        RiskAssessment risk = null;
        if (input instanceof UserInput.Text(String text)) {
            // every free-text message is scanned before the script continues
            // read in the light of the conversation so far (levels and rule ids of earlier messages, no text)
            risk = riskDetector.assess(text, null, sessions.riskContext(id));
            if (risk.isAtLeast(RiskLevel.CONCERN)) {
                Turn userTurn = step.turns().getFirst();
                return pauseForSafety(row, userTurn, userTurn.text().in(LocalizedText.ANY), risk, firstSeq, now, key);
            }
        } else if (input instanceof UserInput.Answers answers
                && script.require(row.state().nodeId()) instanceof Node.Questionnaire questionnaire) {
            events.publishEvent(new QuestionnaireAnswered(id, row.userId(), row.organisationId(), script.id(),
                    questionnaire.id(), answers.values(), now));
            if (questionnaire.score(answers.values()).safetyCheck()) {
                // the safety rule starts the risk flow at once; the script goes on with these answers afterwards
                return pauseForSafety(row, step.turns().getFirst(), answers.encode(),
                        new RiskAssessment(RiskLevel.CRISIS, List.of(), List.of(QUESTIONNAIRE_SAFETY_RULE)),
                        firstSeq, now, key);
            }
        }
        storeTurns(row, step, revision, firstSeq, now, risk, key);
        if (step.state().finished()) {
            log.info("session {} finished", id);
        }
        return new SessionUpdate(id, added(firstSeq, step.turns(), now), engine.prompt(script, step.state()),
                engine.progress(script, step.state()), step.state().finished(), revision + 1, Optional.empty());
    }

    /**
     * The session to move on, with its last message number: only from the revision the person saw, and only in the
     * expected state (answering needs a running script, going on after a safety pause needs the pause).
     */
    private SessionRepository.Answering current(Visitor visitor, SessionId id, int revision, boolean paused) {
        SessionRepository.Answering answering = sessions.findForAnswer(visitor.userId(), id, null)
                .orElseThrow(() -> new SessionNotFoundException(id));
        checkCurrent(answering, id, revision, paused);
        return answering;
    }

    private static void checkCurrent(SessionRepository.Answering answering, SessionId id, int revision, boolean paused) {
        if (answering.row().revision() != revision || answering.row().paused() != paused) {
            throw new StaleSessionException(id);
        }
    }

    /** The answer stored earlier with the same key, everything after it, and where the session stands now. */
    private SessionUpdate storedUpdate(SessionRepository.Answering answering) {
        SessionRow row = answering.row();
        Script script = scriptOf(row);
        return new SessionUpdate(row.id(), sessions.messagesFrom(row.id(), answering.keyedSeq()),
                row.paused() ? new Prompt.None() : engine.prompt(script, row.state()),
                engine.progress(script, row.state()), row.state().finished(), row.revision(),
                Optional.ofNullable(row.pause()));
    }

    /** The stored form of turns just inserted from {@code firstSeq} on. */
    private static List<ChatMessage> added(int firstSeq, List<Turn> turns, Instant now) {
        List<ChatMessage> messages = new ArrayList<>(turns.size());
        int seq = firstSeq;
        for (Turn turn : turns) {
            messages.add(new ChatMessage(seq++, turn.kind(), turn.text(), turn.title(), now, turn.learn()));
        }
        return messages;
    }

    /**
     * Goes on with the script after a safety pause, with the answer the person gave before the pause. Only the person
     * decides when; the help stays reachable through the help button.
     */
    @Transactional
    public SessionSnapshot continueAfterSafetyPause(Visitor visitor, SessionId id, int revision) {
        SessionRepository.Answering answering = current(visitor, id, revision, true);
        SessionRow row = answering.row();
        // without a pending answer (it could not be accepted) the same question simply waits again; with one, the
        // script hears at which level it was read, so it does not answer heavy words with a light "thank you"
        Script script = scriptOf(row);
        Step step = row.pendingInput() == null
                ? new Step(row.state(), List.of())
                : script.require(row.state().nodeId()) instanceof Node.Questionnaire
                        ? engine.next(script, row.state(), UserInput.Answers.decode(row.pendingInput()))
                        : engine.next(script, row.state(), new UserInput.Text(row.pendingInput()),
                                row.pause().level().code());
        Instant now = clock.instant();
        if (!sessions.resume(id, revision, step.state(), now)) {
            throw new StaleSessionException(id);
        }
        // the person's own message was stored when it was sent; only the script's reaction is new
        List<Turn> botTurns = step.turns().stream().filter(turn -> !turn.kind().fromUser()).toList();
        sessions.appendMessages(id, row.organisationId(), answering.lastSeq() + 1, botTurns, now);
        storeExercises(row, botTurns, now);
        log.info("session {} continues after a safety pause", id);
        return open(visitor, id);
    }

    /**
     * Ends a dialogue after a safety pause without going on with the risky answer: after a positive screen the
     * script must not mirror those words back. The closing words are stored as the last message, so the dialogue
     * shows the same calm end after a reload; the person can start a lighter dialogue later.
     */
    @Transactional
    public SessionSnapshot endAfterSafetyPause(Visitor visitor, SessionId id, int revision, LocalizedText closing) {
        SessionRepository.Answering answering = current(visitor, id, revision, true);
        SessionRow row = answering.row();
        DialogueState ended = new DialogueState(row.state().nodeId(), row.state().variables(), true,
                row.state().answered());
        Instant now = clock.instant();
        if (!sessions.resume(id, revision, ended, now)) {
            throw new StaleSessionException(id);
        }
        sessions.appendMessages(id, row.organisationId(), answering.lastSeq() + 1,
                List.of(Turn.of(Turn.Kind.CLOSING, row.state().nodeId(), closing)), now);
        log.info("session {} ended gently after a safety pause", id);
        return open(visitor, id);
    }

    private SessionUpdate pauseForSafety(SessionRow row, Turn userTurn, String pendingInput, RiskAssessment risk,
                                         int firstSeq, Instant now, MessageKey key) {
        SafetyPause pause = new SafetyPause(risk.level(), risk.ruleIds());
        if (!sessions.pause(row.id(), row.revision(), pause, pendingInput, now)) {
            throw new StaleSessionException(row.id());
        }
        sessions.appendMessages(row.id(), row.organisationId(), firstSeq, List.of(userTurn), now, risk.level(),
                risk.ruleIds(), key);
        log.info("risk {} on session {} (rules {})", risk.level(), row.id(), risk.ruleIds());
        events.publishEvent(new RiskDetected(row.id(), row.userId(), row.organisationId(), risk.level(),
                risk.ruleIds(), now));
        Script script = scriptOf(row);
        return new SessionUpdate(row.id(), added(firstSeq, List.of(userTurn), now), new Prompt.None(),
                engine.progress(script, row.state()), row.state().finished(), row.revision() + 1, Optional.of(pause));
    }

    /** The risk, when given, belongs to the first turn: the person's own message. */
    private void storeTurns(SessionRow row, Step step, int revision, int firstSeq, Instant now, RiskAssessment risk,
                            MessageKey key) {
        if (!sessions.update(row.id(), revision, step.state(), now)) {
            throw new StaleSessionException(row.id());
        }
        sessions.appendMessages(row.id(), row.organisationId(), firstSeq, step.turns(), now,
                risk == null ? null : risk.level(), risk == null ? List.of() : risk.ruleIds(), key);
        storeExercises(row, step.turns(), now);
    }

    private void storeExercises(SessionRow row, List<Turn> turns, Instant now) {
        for (Turn turn : turns) {
            if (turn.kind() == Turn.Kind.EXERCISE) {
                sessions.insertExercise(ExerciseId.random(), row, turn, now);
            }
        }
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

    /**
     * The person's own words that raised the safety pause in a session, for the live handoff: only after the person
     * agreed to share them, and only for the therapist in the conversation (checked and audited by the handoff).
     * Never log or send what this returns.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<String> sharedRiskyMessage(nl.spiegel.identity.UserId person, SessionId session) {
        return session == null ? java.util.Optional.empty() : sessions.latestRiskyText(person, session);
    }

    /**
     * One of the person's dialogues as a whole, as plain text in one language: for the person's preview before they
     * share it, and for a therapist they shared it with (the review module checks the share and puts the read on the
     * audit trail before it calls this). Never log or send what this returns.
     *
     * @throws SessionNotFoundException when the session is not the owner's
     */
    @Transactional(readOnly = true)
    public SharedTranscript transcript(nl.spiegel.identity.UserId owner, SessionId id, java.util.Locale locale) {
        SessionRow row = sessions.find(owner, id).orElseThrow(() -> new SessionNotFoundException(id));
        List<SharedTranscript.Line> lines = sessions.messages(id).stream()
                .map(message -> new SharedTranscript.Line(message.seq(),
                        message.kind().name().toLowerCase(java.util.Locale.ROOT), message.kind().fromUser(),
                        message.title().map(title -> title.in(locale)).orElse(null), message.text().in(locale),
                        message.at()))
                .toList();
        return new SharedTranscript(row.id(), scriptOf(row).title().in(locale), lines, row.state().finished(),
                row.startedAt(), sessions.messageRisks(id));
    }

    /**
     * The title of one of the person's dialogues in one language, without reading its messages.
     *
     * @throws SessionNotFoundException when the session is not the owner's
     */
    @Transactional(readOnly = true)
    public String title(nl.spiegel.identity.UserId owner, SessionId id, java.util.Locale locale) {
        SessionRow row = sessions.find(owner, id).orElseThrow(() -> new SessionNotFoundException(id));
        return scriptOf(row).title().in(locale);
    }

    /**
     * The highest risk level the detector stored in one of the person's dialogues (levels only, no text), for a
     * therapist's inbox filter; the review module checks the share first.
     *
     * @throws SessionNotFoundException when the session is not the owner's
     */
    @Transactional(readOnly = true)
    public RiskLevel highestRisk(nl.spiegel.identity.UserId owner, SessionId id) {
        sessions.find(owner, id).orElseThrow(() -> new SessionNotFoundException(id));
        return sessions.riskContext(id).highest();
    }

    /** The titles of the dialogues on offer to the person, by script id in catalogue order, in one language. */
    @Transactional(readOnly = true)
    public Map<String, String> catalogueTitles(Visitor visitor, java.util.Locale locale) {
        Map<String, String> titles = new java.util.LinkedHashMap<>();
        catalogue(visitor).forEach(card -> titles.put(card.scriptId(), card.title().in(locale)));
        return titles;
    }

    /** The ids of the person's dialogues started at or after a moment, oldest first (for a standing share). */
    @Transactional(readOnly = true)
    public List<SessionId> startedSince(nl.spiegel.identity.UserId owner, Instant since) {
        return sessions.findAll(owner).stream().filter(row -> !row.startedAt().isBefore(since))
                .sorted(java.util.Comparator.comparing(SessionRow::startedAt)).map(SessionRow::id).toList();
    }

    @Transactional(readOnly = true)
    public List<ExerciseItem> exercises(Visitor visitor) {
        // the dialogue's current title, as on the start page; no need to load (and decrypt) every session for it
        return sessions.exercises(visitor.userId()).stream().map(exercise -> new ExerciseItem(exercise.id(),
                exercise.title(), exercise.text(),
                catalog.latest(visitor.organisationId(), exercise.scriptId()).map(Script::title)
                        .orElse(LocalizedText.verbatim(exercise.scriptId())),
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
        return catalog.version(row.organisationId(), row.scriptId(), row.scriptVersion()).orElseThrow(() -> new IllegalStateException(
                "Script " + row.scriptId() + " v" + row.scriptVersion() + " is no longer installed; "
                        + "published versions must be kept"));
    }

    private SessionSnapshot snapshot(SessionRow row) {
        Script script = scriptOf(row);
        return new SessionSnapshot(row.id(), row.scriptId(), script.title(), sessions.messages(row.id()),
                row.paused() ? new Prompt.None() : engine.prompt(script, row.state()),
                engine.progress(script, row.state()), row.state().finished(), row.revision(), row.startedAt(),
                row.finishedAt(), java.util.Optional.ofNullable(row.pause()));
    }
}
