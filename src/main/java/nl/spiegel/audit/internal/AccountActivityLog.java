package nl.spiegel.audit.internal;

import nl.spiegel.identity.AccountActivity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The security log of account activity (registrations, logins, failed logins, resets, second-factor changes): ids and
 * kinds only, written once the change committed, so a rolled-back attempt leaves no line.
 */
@Component
class AccountActivityLog {
    private static final Logger log = LoggerFactory.getLogger("nl.spiegel.audit.account-activity");

    @TransactionalEventListener(fallbackExecution = true)
    void on(AccountActivity activity) {
        log.info("account {} of organisation {}: {}", activity.userId(), activity.organisationId(), activity.kind());
    }
}
