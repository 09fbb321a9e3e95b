package nl.spiegel.privacy.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import nl.spiegel.privacy.PersonalDataService;
import nl.spiegel.privacy.RetentionProperties;
import nl.spiegel.shared.database.ScheduledRuns;

/**
 * Deletes anonymous users who have not been seen for {@code spiegel.retention.anonymous-inactive-after}, with
 * everything they wrote. Logs counts only.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final PersonalDataService personalData;
    private final RetentionProperties properties;
    private final ScheduledRuns runs;

    RetentionJob(PersonalDataService personalData, RetentionProperties properties, ScheduledRuns runs) {
        this.personalData = personalData;
        this.properties = properties;
        this.runs = runs;
    }

    /** Once a day on one node, however many share the database. */
    @Scheduled(cron = "${spiegel.retention.cron:0 17 3 * * *}")
    void deleteInactiveAnonymousUsers() {
        // the next run tries again; nobody is kept longer than one interval extra
        ScheduledRuns.untilNextRun(log, "retention run", () -> {
            if (!runs.claimToday("retention")) {
                return;
            }
            int deleted = personalData.deleteInactiveAnonymousUsers();
            log.info("retention: {} anonymous user(s) inactive for more than {} deleted", deleted,
                    properties.anonymousInactiveAfter());
        });
    }
}
