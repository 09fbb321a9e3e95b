package nl.spiegel.review;

import java.time.Instant;

import nl.spiegel.risk.RiskLevel;

/**
 * A dialogue shared with the therapist, as the inbox lists it.
 *
 * @param person    how the therapist knows the person: the address of their account
 * @param unread    the therapist has not opened it yet
 * @param risk      the highest level of risk Spiegel found in the dialogue
 * @param fromNowOn shared as part of "everything from now on"
 */
public record InboxItem(ShareId share, String dialogueTitle, String person, Instant sharedAt, Instant endsAt,
                        boolean unread, RiskLevel risk, boolean fromNowOn) {
}
