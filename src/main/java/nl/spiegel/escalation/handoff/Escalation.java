package nl.spiegel.escalation.handoff;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import nl.spiegel.dialogue.SessionId;
import nl.spiegel.identity.UserId;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.risk.RiskLevel;

/**
 * A request to talk to a human and its course. Holds ids, the risk level and rule ids; the free text (messages,
 * contact request, outcome note) is only handed out by the service methods that check who asks.
 *
 * @param session        the dialogue session the request came from, or null when it came from elsewhere
 * @param acceptedByName the therapist's display name, shown to the person
 * @param sharesAlert    the person lets the therapist who accepts see the message that raised the alert and their
 *                       answers to the follow-up questions
 */
public record Escalation(EscalationId id, OrganisationId organisationId, UserId person, SessionId session,
                         RiskLevel level, List<String> ruleIds, EscalationStatus status, Instant requestedAt,
                         UserId acceptedBy, String acceptedByName, Instant acceptedAt, Instant timedOutAt,
                         Instant closedAt, boolean contactLeft, boolean sharesAlert) {

    public Escalation {
        ruleIds = List.copyOf(ruleIds);
    }

    public Optional<UserId> therapist() {
        return Optional.ofNullable(acceptedBy);
    }
}
