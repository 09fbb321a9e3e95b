package nl.spiegel.dialogue;

import java.time.Instant;

/** A response to one of the person's dialogues, for the person to read: who wrote it, what, and when. */
public record DialogueFeedback(String authorName, String text, Instant at) {
}
