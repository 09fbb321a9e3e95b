package nl.spiegel.escalation.handoff;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import nl.spiegel.shared.LogSafe;
import nl.spiegel.shared.database.DatabaseAway;

/**
 * Regularly tells people whose request nobody accepted in time that nobody is available right now. The check uses
 * the injected clock through {@link HandoffService#expireUnanswered()}. And tells people waiting when the last
 * therapist on duty stopped counting because their node stopped ({@link HandoffService#announceDutyLapses()}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class HandoffTimeoutCheck {

    private static final Logger log = LoggerFactory.getLogger(HandoffTimeoutCheck.class);

    private final HandoffService handoffs;

    HandoffTimeoutCheck(HandoffService handoffs) {
        this.handoffs = handoffs;
    }

    @Scheduled(fixedDelayString = "${spiegel.handoff.check-interval:PT5S}",
            initialDelayString = "${spiegel.handoff.check-interval:PT5S}")
    void expireUnanswered() {
        // try again at the next tick; the person's screen keeps showing the crisis contacts meanwhile
        untilNextTick("handoff timeout check", handoffs::expireUnanswered);
    }

    /** A therapist whose node stopped stops counting after a while: the people waiting hear it then, not later. */
    @Scheduled(fixedDelayString = "${spiegel.handoff.check-interval:PT5S}",
            initialDelayString = "${spiegel.handoff.check-interval:PT5S}")
    void announceDutyLapses() {
        // the next tick compares with the last look that worked
        untilNextTick("on-duty check", handoffs::announceDutyLapses);
    }

    /**
     * Runs one tick; a database failure waits for the next tick. Also CannotCreateTransactionException, which is no
     * DataAccessException: without this the scheduler logged each tick of a database outage as an unexpected error
     * with its stack trace.
     */
    private static void untilNextTick(String what, Runnable tick) {
        try {
            tick.run();
        } catch (RuntimeException e) {
            if (DatabaseAway.is(e)) {
                log.warn("{} failed: {}", what, LogSafe.describe(e));
            } else if (e instanceof DataAccessException) {
                log.warn("{} failed", what, e);
            } else {
                throw e;
            }
        }
    }
}
