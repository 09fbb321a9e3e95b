package nl.spiegel.review.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import nl.spiegel.dialogue.DialogueFeedback;
import nl.spiegel.dialogue.DialogueFeedbackSource;
import nl.spiegel.dialogue.SessionId;
import nl.spiegel.identity.Visitor;
import nl.spiegel.review.ReviewService;

/** Shows therapists' feedback in the person's own dialogue. */
@Component
class ReviewFeedbackSource implements DialogueFeedbackSource {

    private final ReviewService reviews;

    ReviewFeedbackSource(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public List<DialogueFeedback> feedbackFor(Visitor person, SessionId session) {
        return reviews.feedbackFor(person, session);
    }
}
