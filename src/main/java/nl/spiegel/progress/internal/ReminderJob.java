package nl.spiegel.progress.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import nl.spiegel.progress.QuestionnaireReminders;
import nl.spiegel.shared.database.ScheduledRuns;

/** Looks for due questionnaire reminders; safe on every node at once (see {@link QuestionnaireReminders#sendDue}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ReminderJob {

    private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);

    private final QuestionnaireReminders reminders;

    ReminderJob(QuestionnaireReminders reminders) {
        this.reminders = reminders;
    }

    @Scheduled(cron = "${spiegel.progress.reminder-cron:0 7 * * * *}")
    void sendDueReminders() {
        // the next run tries again; a claimed reminder is not sent twice
        ScheduledRuns.untilNextRun(log, "questionnaire reminder run", reminders::sendDue);
    }
}
