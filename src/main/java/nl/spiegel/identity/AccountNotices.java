package nl.spiegel.identity;

import java.util.Locale;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import nl.spiegel.identity.internal.AccountMailer;
import nl.spiegel.identity.internal.AccountRepository;

/**
 * E-mail notices to a registered account for other modules ("your therapist responded"), so they never handle the
 * address. The text must never contain anything a person wrote; it goes out after the transaction committed, with
 * the same footer as the account e-mails.
 */
@Component
public class AccountNotices {

    private final AccountRepository accounts;
    private final AccountMailer mailer;

    AccountNotices(AccountRepository accounts, AccountMailer mailer) {
        this.accounts = accounts;
        this.mailer = mailer;
    }

    /** @return whether the user has an address to send it to (anonymous visitors have none) */
    @Transactional(readOnly = true)
    public boolean send(UserId recipient, String subject, String body, Locale locale) {
        return accounts.findById(recipient).map(row -> {
            mailer.sendNotice(row.email(), subject, body, locale);
            return true;
        }).orElse(false);
    }
}
