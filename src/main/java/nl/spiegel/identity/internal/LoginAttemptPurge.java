package nl.spiegel.identity.internal;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import nl.spiegel.identity.LoginProperties;

/** Deletes login attempts older than {@code spiegel.login.attempts-kept-for}: network addresses are personal data. */
@Component
@EnableScheduling
public class LoginAttemptPurge {

    private static final Logger log = LoggerFactory.getLogger(LoginAttemptPurge.class);

    private final LoginAttemptRepository attempts;
    private final LoginProperties properties;
    private final Clock clock;

    LoginAttemptPurge(LoginAttemptRepository attempts, LoginProperties properties, Clock clock) {
        this.attempts = attempts;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(cron = "${spiegel.login.purge-cron:0 47 3 * * *}")
    @Transactional
    public int purge() {
        int deleted = attempts.purgeBefore(clock.instant().minus(properties.attemptsKeptFor()));
        log.info("login attempts purged: {} older than {}", deleted, properties.attemptsKeptFor());
        return deleted;
    }
}
