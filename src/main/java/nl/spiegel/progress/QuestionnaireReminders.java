package nl.spiegel.progress;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.spiegel.identity.AccountNotices;
import nl.spiegel.identity.Visitor;
import nl.spiegel.progress.internal.ReminderRepository;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;

/**
 * The weekly e-mail reminder to fill in a questionnaire, which a person with an account can switch on and off. The
 * mail says only that it is a reminder and links to My progress: no scores, no questionnaire, nothing the person
 * wrote.
 */
@Service
public class QuestionnaireReminders {

    private static final Logger log = LoggerFactory.getLogger(QuestionnaireReminders.class);
    /** Reminders handled per run; the rest follow in the next run. */
    private static final int BATCH = 500;

    private final ReminderRepository reminders;
    private final AccountNotices notices;
    private final ProgressProperties properties;
    private final Clock clock;

    QuestionnaireReminders(ReminderRepository reminders, AccountNotices notices,
                           ProgressProperties properties, Clock clock) {
        this.reminders = reminders;
        this.notices = notices;
        this.properties = properties;
        this.clock = clock;
    }

    /** Only a person with an e-mail address (an account) can get a reminder. */
    @Transactional(readOnly = true)
    public boolean available(Visitor visitor) {
        return notices.reachable(visitor.userId());
    }

    @Transactional(readOnly = true)
    public boolean isOn(Visitor visitor) {
        return reminders.nextDue(visitor.userId()).isPresent();
    }

    /**
     * The first reminder comes one interval from now.
     *
     * @throws IllegalStateException when the person has no e-mail address
     */
    @Transactional
    public void switchOn(Visitor visitor) {
        if (!available(visitor)) {
            throw new IllegalStateException("no address to remind");
        }
        Instant now = now();
        reminders.upsert(visitor.organisationId(), visitor.userId(), now, now.plus(properties.reminderInterval()));
        log.info("questionnaire reminder on for user {}", visitor.userId());
    }

    @Transactional
    public void switchOff(Visitor visitor) {
        if (reminders.delete(visitor.userId()) > 0) {
            log.info("questionnaire reminder off for user {}", visitor.userId());
        }
    }

    /**
     * Sends every due reminder once, also when several nodes run this at the same moment: a reminder is sent only by
     * the node whose claim moved it on. The mails leave after the commit.
     *
     * @return how many reminders this run sent
     */
    @Transactional
    public int sendDue() {
        Instant now = now();
        int sent = 0;
        for (ReminderRepository.Due due : reminders.due(now, BATCH)) {
            Instant next = due.dueAt().plus(properties.reminderInterval());
            if (!next.isAfter(now)) {
                // after a long pause of the job: one reminder now, the next a whole interval later
                next = now.plus(properties.reminderInterval());
            }
            if (reminders.claim(due, next, now)) {
                notices.send(due.user(), "progress.reminder.mail.subject", "progress.reminder.mail.body", "progress",
                        SpiegelI18NProvider.DUTCH);
                sent++;
            }
        }
        if (sent > 0) {
            log.info("{} questionnaire reminder(s) sent", sent);
        }
        return sent;
    }

    private Instant now() {
        // the database keeps microseconds; the claim compares the value it read
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
