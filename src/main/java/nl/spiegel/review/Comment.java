package nl.spiegel.review;

import java.time.Instant;

/** Feedback to the person or a private note of the therapist, decrypted for the screen. */
public record Comment(String authorName, String text, Instant at) {

    @Override
    public String toString() {
        return "Comment[" + at + "]";
    }
}
