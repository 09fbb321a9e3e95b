package nl.spiegel.identity.internal;

import java.time.Clock;
import java.time.Duration;

import org.springframework.stereotype.Component;

import nl.spiegel.identity.AccountProperties;
import nl.spiegel.shared.RateLimiter;

/**
 * At most {@code spiegel.accounts.mails-per-hour} account e-mails per account or address, so the forms cannot be used
 * to flood someone's mailbox. Kept in memory: after a restart the count starts again, which is harmless.
 */
@Component
public class MailBudget {

    private final RateLimiter limiter;

    MailBudget(AccountProperties properties, Clock clock) {
        this.limiter = new RateLimiter(properties.mailsPerHour(), Duration.ofHours(1), clock);
    }

    /** Takes one mail from the budget of every key; false (and nothing taken) when one of them is used up. */
    public boolean take(String... keys) {
        return limiter.take(keys);
    }
}
