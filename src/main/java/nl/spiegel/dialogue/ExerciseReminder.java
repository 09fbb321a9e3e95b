package nl.spiegel.dialogue;

import java.time.Instant;

/**
 * The e-mail reminder of an exercise: when the next one goes out and every how many days it repeats (0: only once).
 */
public record ExerciseReminder(Instant next, int repeatDays) {

    /** The repeat choices offered: once, every day, every week. */
    public static final java.util.List<Integer> REPEATS = java.util.List.of(0, 1, 7);
}
