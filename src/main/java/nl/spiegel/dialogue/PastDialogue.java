package nl.spiegel.dialogue;

import java.time.Instant;
import java.util.List;

import nl.spiegel.dialogue.engine.LocalizedText;

/** A session in "My dialogues"; {@code summary} holds the summary messages of a finished session. */
public record PastDialogue(SessionId id, String scriptId, LocalizedText title, boolean finished, Instant startedAt,
                           Instant updatedAt, List<ChatMessage> summary) {

    public PastDialogue {
        summary = List.copyOf(summary);
    }
}
