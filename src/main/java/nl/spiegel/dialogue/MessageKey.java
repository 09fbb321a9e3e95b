package nl.spiegel.dialogue;

import java.util.Objects;
import java.util.UUID;

/**
 * The key a chat gives one answer it sends. The same answer sent again (a retry after a lost response or while the
 * database was away) carries the same key, and {@link DialogueService} then returns what was stored the first time
 * instead of storing it twice. A new key belongs to each new question.
 */
public record MessageKey(UUID value) {

    public MessageKey {
        Objects.requireNonNull(value);
    }

    public static MessageKey random() {
        return new MessageKey(UUID.randomUUID());
    }

    public static MessageKey parse(String value) {
        return new MessageKey(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
