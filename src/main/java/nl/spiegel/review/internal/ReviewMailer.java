package nl.spiegel.review.internal;

import java.util.Locale;

import org.springframework.stereotype.Component;

import nl.spiegel.identity.AccountNotices;
import nl.spiegel.identity.AccountProperties;
import nl.spiegel.identity.UserId;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;

/**
 * Notices about sharing. They say that something happened and link to the page, never what anybody wrote, which
 * dialogue it was or who shared it. Sent through identity, which knows the address, after the transaction committed.
 */
@Component
public class ReviewMailer {

    private final AccountNotices notices;
    private final AccountProperties accountProperties;
    private final SpiegelI18NProvider i18n;

    ReviewMailer(AccountNotices notices, AccountProperties accountProperties, SpiegelI18NProvider i18n) {
        this.notices = notices;
        this.accountProperties = accountProperties;
        this.i18n = i18n;
    }

    /** To a therapist: someone shared a dialogue with them. */
    public void sendSharedWithYou(UserId therapist) {
        Locale locale = SpiegelI18NProvider.DUTCH;
        notices.send(therapist, i18n.getTranslation("review.mail.shared.subject", locale),
                i18n.getTranslation("review.mail.shared.body", locale, accountProperties.link("therapist/reviews")),
                locale);
    }

    /** To a person: their therapist responded to a dialogue they shared. */
    public void sendFeedbackLeft(UserId person) {
        Locale locale = SpiegelI18NProvider.DUTCH;
        notices.send(person, i18n.getTranslation("review.mail.feedback.subject", locale),
                i18n.getTranslation("review.mail.feedback.body", locale, accountProperties.link("my-dialogues")),
                locale);
    }
}
