package nl.spiegel.review;

import java.util.Objects;
import java.util.UUID;

public record ShareId(UUID value) {

    public ShareId {
        Objects.requireNonNull(value);
    }

    public static ShareId random() {
        return new ShareId(UUID.randomUUID());
    }

    public static ShareId parse(String value) {
        return new ShareId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
