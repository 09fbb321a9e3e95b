package nl.spiegel.escalation.handoff;

import java.util.Objects;
import java.util.UUID;

public record EscalationId(UUID value) {

    public EscalationId {
        Objects.requireNonNull(value);
    }

    public static EscalationId random() {
        return new EscalationId(UUID.randomUUID());
    }

    public static EscalationId parse(String value) {
        return new EscalationId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
