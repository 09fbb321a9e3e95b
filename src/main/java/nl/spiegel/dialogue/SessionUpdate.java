package nl.spiegel.dialogue;

import java.util.List;
import java.util.Optional;

import nl.spiegel.dialogue.engine.Prompt;
import nl.spiegel.dialogue.engine.Progress;

/**
 * What one answer changed: only the messages it added (the chat already shows the earlier ones) and where the session
 * stands now. {@link SessionSnapshot#apply(SessionUpdate)} turns a snapshot and an update into the next snapshot.
 */
public record SessionUpdate(SessionId id, List<ChatMessage> added, Prompt prompt, Progress progress, boolean finished,
                            int revision, Optional<SafetyPause> safetyPause) {

    public SessionUpdate {
        added = List.copyOf(added);
    }
}
