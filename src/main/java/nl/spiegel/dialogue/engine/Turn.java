package nl.spiegel.dialogue.engine;

import java.util.Optional;

/**
 * One message in the conversation, in every language. {@code title} is used by exercises and summaries.
 */
public record Turn(Kind kind, String nodeId, LocalizedText text, Optional<LocalizedText> title) {

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
