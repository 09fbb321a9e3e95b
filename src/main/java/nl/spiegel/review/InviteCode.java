package nl.spiegel.review;

import java.time.Instant;

/**
 * A code a therapist gives a client so the client can share a dialogue with them. Shown once to the therapist; only
 * its hash is stored. Works once, until {@code expiresAt}.
 */
public record InviteCode(String code, Instant expiresAt) {

    @Override
    public String toString() {
        return "InviteCode[expires " + expiresAt + "]";
    }
}
