package nl.spiegel.review;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * "Everything from now on" with one therapist: every dialogue the person starts from {@code createdAt} on (and the
 * dialogue they shared it from) is shared, until they revoke it or {@code endsAt} passes.
 */
public record StandingShare(Id id, String therapistName, Instant createdAt, Instant endsAt, Instant revokedAt) {

    public record Id(UUID value) {

        public Id {
            Objects.requireNonNull(value);
        }

        public static Id parse(String value) {
            return new Id(UUID.fromString(value));
        }

        @Override
        public String toString() {
            return value.toString();
        }
    }

    public boolean activeAt(Instant now) {
        return revokedAt == null && (endsAt == null || endsAt.isAfter(now));
    }
}
