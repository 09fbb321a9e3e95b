package nl.spiegel.audit;

import java.time.Instant;

/**
 * An entry about a person, as shown to that person ("who viewed my data?").
 *
 * @param byYou      the person did it themselves (an export, for example)
 * @param actorName  the display name of the staff member who did it; null for the person themselves and the system
 */
public record SubjectAccess(Instant at, AuditAction action, String recordType, String actorRole, String actorName,
                            boolean byYou) {
}
