package nl.spiegel.dialogue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.spiegel.dialogue.engine.LocalizedText;
import nl.spiegel.dialogue.internal.JournalRepository;
import nl.spiegel.identity.AccountNotices;
import nl.spiegel.identity.Visitor;
import nl.spiegel.organisation.OrganisationId;

/**
 * Exercises as a small journal: dated notes, a "how did it go?" follow-up and an optional e-mail reminder. Every call
 * checks that the exercise belongs to the visitor (and their organisation). The reminder mail carries no content: no
 * title, no note, only that a moment was planned and a link.
 */
@Service
public class ExerciseJournal {

    private static final Logger log = LoggerFactory.getLogger(ExerciseJournal.class);
    /** Reminders handled per run; the rest follow in the next run. */
    private static final int BATCH = 500;

    private final JournalRepository journal;
    private final AccountNotices notices;
    private final ExerciseProperties properties;
    private final Clock clock;

    ExerciseJournal(JournalRepository journal, AccountNotices notices,
                    ExerciseProperties properties, Clock clock) {
        this.journal = journal;
        this.notices = notices;
        this.properties = properties;
        this.clock = clock;
    }

    public ExerciseProperties properties() {
        return properties;
    }

    @Transactional(readOnly = true)
    public List<ExerciseNote> notes(Visitor visitor, ExerciseId exercise) {
        owned(visitor, exercise);
        return journal.notes(exercise, visitor.userId());
    }

    /**
     * Adds a dated note (today, by the clock).
     *
     * @throws JournalEntryException when the note is empty or too long; nothing is stored then
     */
    @Transactional
    public ExerciseNote addNote(Visitor visitor, ExerciseId exercise, String text) {
        OrganisationId organisation = owned(visitor, exercise);
        String note = checked(text, properties.maxNoteLength(), false);
        Instant now = now();
        journal.insertNote(exercise, organisation, visitor.userId(), note, now);
        log.info("note added to exercise {}", exercise);
        return new ExerciseNote(now, note);
    }

    /**
     * Stores how trying the exercise went, with an optional short note.
     *
     * @throws JournalEntryException when the note is too long
     */
    @Transactional
    public ExerciseFollowUp followUp(Visitor visitor, ExerciseId exercise, ExerciseFollowUp.Outcome outcome,
                                     String note) {
        OrganisationId organisation = owned(visitor, exercise);
        String text = checked(note, properties.maxFollowUpLength(), true);
        Instant now = now();
        journal.insertFollowUp(exercise, organisation, visitor.userId(), outcome, text, now);
        log.info("follow-up {} on exercise {}", outcome.code(), exercise);
        return new ExerciseFollowUp(outcome, text, now);
    }

    /** Follow-ups of one exercise, newest first. */
    @Transactional(readOnly = true)
    public List<ExerciseFollowUp> followUps(Visitor visitor, ExerciseId exercise) {
        owned(visitor, exercise);
        return journal.followUps(exercise, visitor.userId());
    }

    /** The newest follow-up of this person that a dialogue may still refer to ({@code followUpMemory}). */
    @Transactional(readOnly = true)
    public Optional<ExerciseFollowUp> recentFollowUp(Visitor visitor) {
        return journal.latestFollowUp(visitor.userId(), now().minus(properties.followUpMemory()));
    }

    /** Only a person with an e-mail address (an account) can get a reminder. */
    @Transactional(readOnly = true)
    public boolean remindersAvailable(Visitor visitor) {
        return notices.reachable(visitor.userId());
    }

    @Transactional(readOnly = true)
    public Optional<ExerciseReminder> reminder(Visitor visitor, ExerciseId exercise) {
        owned(visitor, exercise);
        return journal.reminder(exercise, visitor.userId());
    }

    /**
     * Plans a reminder at {@code first}, repeated every {@code repeatDays} days (0: once); replaces an earlier one.
     *
     * @param locale the language of the mail
     * @throws JournalEntryException when the moment has passed, the repeat is not offered or there is no address
     */
    @Transactional
    public ExerciseReminder planReminder(Visitor visitor, ExerciseId exercise, Instant first, int repeatDays,
                                         Locale locale) {
        OrganisationId organisation = owned(visitor, exercise);
        if (!remindersAvailable(visitor)) {
            throw new JournalEntryException(JournalEntryException.Reason.NO_ADDRESS, 0);
        }
        if (!ExerciseReminder.REPEATS.contains(repeatDays)) {
            throw new JournalEntryException(JournalEntryException.Reason.UNKNOWN_REPEAT, 0);
        }
        Instant now = now();
        Instant due = first.truncatedTo(ChronoUnit.MICROS);
        if (!due.isAfter(now)) {
            throw new JournalEntryException(JournalEntryException.Reason.IN_THE_PAST, 0);
        }
        String language = locale != null && LocalizedText.LANGUAGES.contains(locale.getLanguage())
                ? locale.getLanguage() : LocalizedText.LANGUAGES.getFirst();
        journal.upsertReminder(exercise, organisation, visitor.userId(), due, repeatDays, language, now);
        log.info("reminder planned for exercise {}", exercise);
        return new ExerciseReminder(due, repeatDays);
    }

    @Transactional
    public void cancelReminder(Visitor visitor, ExerciseId exercise) {
        owned(visitor, exercise);
        if (journal.deleteReminder(exercise, visitor.userId()) > 0) {
            log.info("reminder cancelled for exercise {}", exercise);
        }
    }

    /**
     * Sends every due reminder once, also when several nodes run this at the same moment: a reminder is sent only by
     * the node whose claim moved it on (or removed it). The mails leave after the commit.
     *
     * @return how many reminders this run sent
     */
    @Transactional
    public int sendDueReminders() {
        Instant now = now();
        int sent = 0;
        for (JournalRepository.Due due : journal.due(now, BATCH)) {
            Instant next = null;
            if (due.repeatDays() > 0) {
                Duration step = Duration.ofDays(due.repeatDays());
                next = due.dueAt().plus(step);
                while (!next.isAfter(now)) {
                    // after a long pause of the job: one reminder now, the next at the planned time of day
                    next = next.plus(step);
                }
            }
            if (journal.claim(due, next, now)) {
                notices.send(due.user(), "exercises.reminder.mail.subject", "exercises.reminder.mail.body",
                        "my-exercises", Locale.forLanguageTag(due.language()));
                sent++;
            }
        }
        if (sent > 0) {
            log.info("{} exercise reminder(s) sent", sent);
        }
        return sent;
    }

    private OrganisationId owned(Visitor visitor, ExerciseId exercise) {
        return journal.ownedBy(exercise, visitor.userId(), visitor.organisationId())
                .orElseThrow(() -> new IllegalArgumentException("No exercise " + exercise + " for this visitor"));
    }

    private static String checked(String text, int max, boolean mayBeEmpty) {
        String value = text == null ? "" : text.replace("\r\n", "\n").strip();
        if (value.isEmpty() && !mayBeEmpty) {
            throw new JournalEntryException(JournalEntryException.Reason.EMPTY, max);
        }
        if (value.codePointCount(0, value.length()) > max) {
            throw new JournalEntryException(JournalEntryException.Reason.TOO_LONG, max);
        }
        return value;
    }

    private Instant now() {
        // the database keeps microseconds; the claim compares the value it read
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
