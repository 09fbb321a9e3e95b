package nl.spiegel.identity;

import java.util.Locale;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import nl.spiegel.identity.internal.AccountMailer;
import nl.spiegel.identity.internal.AccountRepository;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;

/**
 * E-mail notices to a registered account for other modules ("your therapist responded", "a reminder"), so they never
 * handle the address. A notice is made of message keys and a page only, so it cannot carry anything a person wrote;
 * it goes out after the transaction committed, with the same footer as the account e-mails.
 */
@Component
public class AccountNotices {

    private final AccountRepository accounts;
    private final AccountMailer mailer;
    private final AccountProperties properties;
    private final SpiegelI18NProvider i18n;

    AccountNotices(AccountRepository accounts, AccountMailer mailer, AccountProperties properties,
                   SpiegelI18NProvider i18n) {
        this.accounts = accounts;
        this.mailer = mailer;
        this.properties = properties;
        this.i18n = i18n;
    }

    /** Whether a notice can reach the user: only a registered account has an address, anonymous visitors have none. */
    @Transactional(readOnly = true)
    public boolean reachable(UserId user) {
        return accounts.findById(user).isPresent();
    }

    /**
     * Sends a notice that says something happened and links to a page of the application.
     *
     * @param subjectKey message key of the subject
     * @param bodyKey    message key of the body, whose {@code {0}} is the link
     * @param page       the page's path (and query) in the application, such as {@code my-exercises}
     * @return whether the user has an address to send it to (anonymous visitors have none)
     */
    @Transactional(readOnly = true)
    public boolean send(UserId recipient, String subjectKey, String bodyKey, String page, Locale locale) {
        return accounts.findById(recipient).map(row -> {
            mailer.sendNotice(row.email(), i18n.getTranslation(subjectKey, locale),
                    i18n.getTranslation(bodyKey, locale, properties.link(page)), locale);
            return true;
        }).orElse(false);
    }
}
