package nl.spiegel.dialogue;

import java.util.Objects;
import java.util.UUID;

public record ExerciseId(UUID value) {

    public ExerciseId {
        Objects.requireNonNull(value);
    }

    public static ExerciseId random() {
        return new ExerciseId(UUID.randomUUID());
    }

    public static ExerciseId parse(String value) {
        return new ExerciseId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
