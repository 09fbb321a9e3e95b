package nl.spiegel.escalation.handoff;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import nl.spiegel.shared.database.ScheduledRuns;

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
        ScheduledRuns.untilNextRun(log, "handoff timeout check", handoffs::expireUnanswered);
    }

    /** A therapist whose node stopped stops counting after a while: the people waiting hear it then, not later. */
    @Scheduled(fixedDelayString = "${spiegel.handoff.check-interval:PT5S}",
            initialDelayString = "${spiegel.handoff.check-interval:PT5S}")
    void announceDutyLapses() {
        // the next tick compares with the last look that worked
        ScheduledRuns.untilNextRun(log, "on-duty check", handoffs::announceDutyLapses);
    }
}
