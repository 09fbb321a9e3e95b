package nl.spiegel.identity.internal;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import nl.spiegel.identity.LoginProperties;
import nl.spiegel.shared.database.ScheduledRuns;

/** Deletes login attempts older than {@code spiegel.login.attempts-kept-for}: network addresses are personal data. */
@Component
@EnableScheduling
public class LoginAttemptPurge {

    private static final Logger log = LoggerFactory.getLogger(LoginAttemptPurge.class);

    private final LoginAttemptRepository attempts;
    private final LoginProperties properties;
    private final Clock clock;
    private final ScheduledRuns runs;

    LoginAttemptPurge(LoginAttemptRepository attempts, LoginProperties properties, Clock clock, ScheduledRuns runs) {
        this.attempts = attempts;
        this.properties = properties;
        this.clock = clock;
        this.runs = runs;
    }

    /** Once a day on one node, however many share the database. */
    @Scheduled(cron = "${spiegel.login.purge-cron:0 47 3 * * *}")
    void purgeOnce() {
        if (runs.claimToday("login-attempt-purge")) {
            purge();
        }
    }

    @Transactional
    public int purge() {
        int deleted = attempts.purgeBefore(clock.instant().minus(properties.attemptsKeptFor()));
        log.info("login attempts purged: {} older than {}", deleted, properties.attemptsKeptFor());
        return deleted;
    }
}
