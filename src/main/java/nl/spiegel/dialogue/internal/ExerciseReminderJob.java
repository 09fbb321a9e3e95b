package nl.spiegel.dialogue.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import nl.spiegel.dialogue.ExerciseJournal;
import nl.spiegel.shared.database.ScheduledRuns;

/** Looks for due exercise reminders; safe on every node at once (see {@link ExerciseJournal#sendDueReminders}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ExerciseReminderJob {

    private static final Logger log = LoggerFactory.getLogger(ExerciseReminderJob.class);

    private final ExerciseJournal journal;

    ExerciseReminderJob(ExerciseJournal journal) {
        this.journal = journal;
    }

    @Scheduled(cron = "${spiegel.exercises.reminder-cron:0 * * * * *}")
    void sendDueReminders() {
        // the next run tries again; a claimed reminder is not sent twice
        ScheduledRuns.untilNextRun(log, "exercise reminder run", journal::sendDueReminders);
    }
}
