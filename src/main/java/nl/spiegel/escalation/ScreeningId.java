package nl.spiegel.escalation;

import java.util.Objects;
import java.util.UUID;

public record ScreeningId(UUID value) {

    public ScreeningId {
        Objects.requireNonNull(value);
    }

    public static ScreeningId random() {
        return new ScreeningId(UUID.randomUUID());
    }

    public static ScreeningId parse(String value) {
        return new ScreeningId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
