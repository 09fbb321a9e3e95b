package nl.spiegel.audit;

import java.time.Instant;

import nl.spiegel.identity.UserId;

/**
 * Filters for reading the trail; null means "any".
 *
 * @param from    first moment included
 * @param until   first moment no longer included
 * @param limit   at most this many entries, newest first
 */
public record AuditQuery(Instant from, Instant until, UserId actor, UserId subject, AuditAction action, int limit) {

    public static final int MAX_LIMIT = 10_000;

    public AuditQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    public static AuditQuery newest(int limit) {
        return new AuditQuery(null, null, null, null, null, limit);
    }

    public AuditQuery withLimit(int newLimit) {
        return new AuditQuery(from, until, actor, subject, action, newLimit);
    }
}
