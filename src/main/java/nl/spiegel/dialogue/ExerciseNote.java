package nl.spiegel.dialogue;

import java.time.Instant;

/** A dated note a person wrote in the journal of an exercise. */
public record ExerciseNote(Instant writtenAt, String text) {
}
