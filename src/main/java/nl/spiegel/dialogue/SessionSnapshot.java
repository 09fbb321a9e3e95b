package nl.spiegel.dialogue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import nl.spiegel.dialogue.engine.LocalizedText;
import nl.spiegel.dialogue.engine.Progress;
import nl.spiegel.dialogue.engine.Prompt;

/**
 * A session as stored: the full history, what it waits for, and the revision the next answer must name so two
 * tabs cannot answer the same question twice. While {@code safetyPause} is present the script waits and the chat shows
 * the safety panel instead of the next question.
 */
public record SessionSnapshot(SessionId id, String scriptId, LocalizedText title, List<ChatMessage> messages,
                              Prompt prompt, Progress progress, boolean finished, int revision, Instant startedAt,
                              Instant finishedAt, Optional<SafetyPause> safetyPause) {

    public SessionSnapshot {
        messages = List.copyOf(messages);
    }

    /**
     * The same session without its messages, for a view that has put them on screen: an open chat then keeps only the
     * state it needs for the next answer, not a second copy of the whole conversation.
     */
    public SessionSnapshot withoutMessages() {
        return new SessionSnapshot(id, scriptId, title, List.of(), prompt, progress, finished, revision, startedAt,
                finishedAt, safetyPause);
    }

    /** This session after an answer: the added messages appended, everything else as the update says. */
    public SessionSnapshot apply(SessionUpdate update) {
        if (!update.id().equals(id)) {
            throw new IllegalArgumentException("update of another session");
        }
        List<ChatMessage> all = new java.util.ArrayList<>(messages.size() + update.added().size());
        all.addAll(messages);
        all.addAll(update.added());
        return new SessionSnapshot(id, scriptId, title, all, update.prompt(), update.progress(), update.finished(),
                update.revision(), startedAt, update.finished() && finishedAt == null
                        ? update.added().isEmpty() ? finishedAt : update.added().getLast().at() : finishedAt,
                update.safetyPause());
    }
}
