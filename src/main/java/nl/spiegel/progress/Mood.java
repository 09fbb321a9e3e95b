package nl.spiegel.progress;

import java.time.Instant;
import java.util.Objects;

import nl.spiegel.dialogue.SessionId;

/**
 * One mood check-in: 1 (very bad) to 5 (very good), at the start or the end of a dialogue.
 */
public record Mood(SessionId session, MoodMoment moment, int value, Instant recordedAt) {

    public static final int LOWEST = 1;
    public static final int HIGHEST = 5;
    /** How much lower the end must be than the start to count as clearly worse (two faces down). */
    public static final int CLEARLY_WORSE = 2;

    public Mood {
        Objects.requireNonNull(session);
        Objects.requireNonNull(moment);
        Objects.requireNonNull(recordedAt);
        if (value < LOWEST || value > HIGHEST) {
            throw new IllegalArgumentException("mood " + value + " outside " + LOWEST + ".." + HIGHEST);
        }
    }

    /** True when the end of a dialogue is clearly worse than its start. */
    public static boolean clearlyWorse(int start, int end) {
        return start - end >= CLEARLY_WORSE;
    }
}
