package nl.spiegel.identity;

import java.util.Objects;
import java.util.UUID;

public record UserId(UUID value) {

    public UserId {
        Objects.requireNonNull(value);
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    public static UserId parse(String value) {
        return new UserId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
