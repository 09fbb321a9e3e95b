package nl.spiegel.audit;

import java.time.Instant;

import nl.spiegel.identity.UserId;
import nl.spiegel.organisation.OrganisationId;

/**
 * One entry as read back from the trail. A person whose data were deleted is "forgotten": the entry stays, but
 * their id (and the network address they used) can no longer be told.
 *
 * @param actor            null for the system, or when the actor was forgotten ({@code actorForgotten})
 * @param subject          null when the entry is about nobody in particular, or the subject was forgotten
 * @param clientAddress    the actor's network address as the server saw it; null when unknown or forgotten
 * @param sessionRef       hash of the HTTP session id, to group entries of one session; never the id itself
 */
public record AuditEntry(long id, Instant occurredAt, UserId actor, String actorRole, boolean actorForgotten,
                         UserId onBehalfOf, UserId subject, boolean subjectForgotten, OrganisationId organisation,
                         String recordType, String recordId, AuditAction action, String clientAddress,
                         String sessionRef) {
}
