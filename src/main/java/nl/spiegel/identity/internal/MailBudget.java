package nl.spiegel.identity.internal;

import java.time.Duration;

import org.springframework.stereotype.Component;

import nl.spiegel.identity.AccountProperties;
import nl.spiegel.shared.database.SharedRateLimits;

/**
 * At most {@code spiegel.accounts.mails-per-hour} account e-mails per account or address, so the forms cannot be used
 * to flood someone's mailbox. Counted in the database, so every app node takes from the same budget.
 */
@Component
public class MailBudget {

    private final SharedRateLimits.Budget budget;

    MailBudget(AccountProperties properties, SharedRateLimits limits) {
        this.budget = limits.budget("account-mail", properties.mailsPerHour(), Duration.ofHours(1));
    }

    /** Takes one mail from the budget of every key; false (and nothing taken) when one of them is used up. */
    public boolean take(String... keys) {
        return budget.take(keys);
    }
}
