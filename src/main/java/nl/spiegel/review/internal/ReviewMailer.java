package nl.spiegel.review.internal;

import org.springframework.stereotype.Component;

import nl.spiegel.identity.AccountNotices;
import nl.spiegel.identity.UserId;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;

/**
 * Notices about sharing. They say that something happened and link to the page, never what anybody wrote, which
 * dialogue it was or who shared it. Sent through identity, which knows the address, after the transaction committed.
 */
@Component
public class ReviewMailer {

    private final AccountNotices notices;

    ReviewMailer(AccountNotices notices) {
        this.notices = notices;
    }

    /** To a therapist: someone shared a dialogue with them. */
    public void sendSharedWithYou(UserId therapist) {
        notices.send(therapist, "review.mail.shared.subject", "review.mail.shared.body", "therapist/reviews",
                SpiegelI18NProvider.DUTCH);
    }

    /** To a person: their therapist responded to a dialogue they shared. */
    public void sendFeedbackLeft(UserId person) {
        notices.send(person, "review.mail.feedback.subject", "review.mail.feedback.body", "my-dialogues",
                SpiegelI18NProvider.DUTCH);
    }
}
