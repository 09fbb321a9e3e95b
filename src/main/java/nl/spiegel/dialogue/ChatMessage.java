package nl.spiegel.dialogue;

import java.time.Instant;
import java.util.Optional;

import nl.spiegel.dialogue.engine.LocalizedText;
import nl.spiegel.dialogue.engine.Turn;

/**
 * One stored message of a session, in the order it was shown; {@code learn} is the id of a psycho-education topic
 * linked below it.
 */
public record ChatMessage(int seq, Turn.Kind kind, LocalizedText text, Optional<LocalizedText> title, Instant at,
                          Optional<String> learn) {

    public ChatMessage(int seq, Turn.Kind kind, LocalizedText text, Optional<LocalizedText> title, Instant at) {
        this(seq, kind, text, title, at, Optional.empty());
    }
}
