package nl.spiegel.review;

import java.time.Instant;
import java.util.UUID;

import nl.spiegel.dialogue.SessionId;

/**
 * A person's request from the directory to share a dialogue (or everything from now on) with an expert.
 *
 * @param from     the person's address, for the expert; empty for the person's own list
 * @param message  the short message the person wrote (decrypted for the expert and the person only)
 * @param accepted null while unanswered
 */
public record ShareRequest(UUID id, String expertName, String from, SessionId session, String dialogueTitle,
                           ShareScope scope, String message, Instant createdAt, Boolean accepted) {

    @Override
    public String toString() {
        return "ShareRequest[" + id + "]";
    }
}
