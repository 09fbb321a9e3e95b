package nl.spiegel.review;

import java.time.Instant;

/**
 * A dialogue shared with the therapist, as the inbox lists it.
 *
 * @param person how the therapist knows the person: the address of their account
 * @param unread the therapist has not opened it yet
 */
public record InboxItem(ShareId share, String dialogueTitle, String person, Instant sharedAt, Instant endsAt,
                        boolean unread) {
}
