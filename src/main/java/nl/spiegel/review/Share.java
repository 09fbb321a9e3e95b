package nl.spiegel.review;

import java.time.Instant;

import nl.spiegel.dialogue.SessionId;
import nl.spiegel.identity.UserId;

/**
 * One dialogue a person shared with one therapist.
 *
 * @param endsAt    when the share ends by itself; null when the person set no end date
 * @param revokedAt when the person took it back; null while it was not
 */
public record Share(ShareId id, UserId person, SessionId session, UserId therapist, String therapistName,
                    Instant createdAt, Instant endsAt, Instant revokedAt) {

    /** Whether the therapist may read the dialogue at this moment. */
    public boolean activeAt(Instant now) {
        return revokedAt == null && (endsAt == null || endsAt.isAfter(now));
    }
}
