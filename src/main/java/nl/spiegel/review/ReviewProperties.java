package nl.spiegel.review;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sharing dialogues with therapists.
 *
 * @param inviteValidity   how long an invite code works after the therapist made it
 * @param maxCommentLength longest feedback or note, in characters
 */
@ConfigurationProperties("spiegel.review")
public record ReviewProperties(@DefaultValue("P7D") Duration inviteValidity,
                               @DefaultValue("4000") int maxCommentLength) {

    public ReviewProperties {
        if (inviteValidity.isNegative() || inviteValidity.isZero()) {
            throw new IllegalArgumentException("spiegel.review.invite-validity must be positive");
        }
        if (maxCommentLength < 1) {
            throw new IllegalArgumentException("spiegel.review.max-comment-length must be at least 1");
        }
    }
}
