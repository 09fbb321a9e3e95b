package nl.spiegel.escalation.internal;

import nl.spiegel.dialogue.RiskDetected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The escalation module's record that a dialogue paused for safety, once the pause committed: level, session and rule
 * ids, never the message. The safety panel itself is pulled in by the chat view.
 */
@Component
class RiskDetectedLog {
    private static final Logger log = LoggerFactory.getLogger(RiskDetectedLog.class);

    @TransactionalEventListener(fallbackExecution = true)
    void on(RiskDetected risk) {
        log.info("safety pause {} on session {} of organisation {} (rules {})", risk.level(), risk.session(),
                risk.organisation(), risk.ruleIds());
    }
}
