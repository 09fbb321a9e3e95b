package nl.spiegel.review;

import java.time.Instant;

import nl.spiegel.dialogue.SessionId;

/**
 * An in-app notice about a shared dialogue: for a therapist that it was shared with them, for the person that their
 * therapist responded. Built from ids at read time; it never holds what anyone wrote.
 *
 * @param from the therapist's name for feedback; the person's address for a new share
 */
public record ReviewNotice(Kind kind, SessionId session, String dialogueTitle, String from, Instant at,
                           boolean unread) {

    public enum Kind { SHARED, FEEDBACK }
}
