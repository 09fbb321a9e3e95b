package nl.spiegel.dialogue;

import java.time.Instant;

import nl.spiegel.dialogue.engine.LocalizedText;

/** An exercise a dialogue gave this person; {@code doneAt} is null while open. */
public record ExerciseItem(ExerciseId id, LocalizedText title, LocalizedText text, LocalizedText dialogueTitle,
                           Instant assignedAt, Instant doneAt) {

    public boolean done() {
        return doneAt != null;
    }
}
