package nl.spiegel.dialogue.engine;

import java.util.Optional;

/**
 * One message in the conversation, in every language. {@code title} is used by exercises and summaries; {@code learn}
 * is the id of a psycho-education topic to link below a message.
 */
public record Turn(Kind kind, String nodeId, LocalizedText text, Optional<LocalizedText> title,
                   Optional<String> learn) {

    public Turn(Kind kind, String nodeId, LocalizedText text, Optional<LocalizedText> title) {
        this(kind, nodeId, text, title, Optional.empty());
    }

    public enum Kind {
        /** Spiegel says something or asks something. */
        BOT,
        /** Spiegel mirrors the person's words. */
        REFLECTION,
        /** An assignment for the coming days. */
        EXERCISE,
        /** Closing words. */
        CLOSING,
        /** The personal summary at the end. */
        SUMMARY,
        /** What the person typed. */
        USER_TEXT,
        /** The option the person chose. */
        USER_CHOICE;

        public boolean fromUser() {
            return this == USER_TEXT || this == USER_CHOICE;
        }
    }

    public static Turn of(Kind kind, String nodeId, LocalizedText text) {
        return new Turn(kind, nodeId, text, Optional.empty());
    }
}
