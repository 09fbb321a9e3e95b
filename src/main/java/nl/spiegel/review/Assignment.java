package nl.spiegel.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Something a therapist asked a person to do.
 *
 * @param target the dialogue's script id or the exercise's learn topic id
 * @param due    the date it is meant to be done by, or null
 * @param doneAt when the person finished the dialogue or marked the exercise done; null while open
 */
public record Assignment(UUID id, Kind kind, String target, String title, String therapistName, LocalDate due,
                         Instant createdAt, Instant doneAt) {

    public enum Kind { DIALOGUE, EXERCISE }

    public boolean done() {
        return doneAt != null;
    }
}
