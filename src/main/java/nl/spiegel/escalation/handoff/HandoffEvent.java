package nl.spiegel.escalation.handoff;

import java.time.Instant;
import java.util.List;

import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.risk.RiskLevel;

/**
 * What happened to an escalation, published after the change committed. Carries ids, the risk level and rule ids
 * only, never what anyone wrote (notifications end up on shared screens): listeners read the rest through
 * {@link HandoffService}, which checks who asks.
 */
public sealed interface HandoffEvent {

    EscalationId escalationId();

    OrganisationId organisationId();

    /** Someone asked to talk to a human: shown to the on-duty therapists of the organisation. */
    record Requested(EscalationId escalationId, OrganisationId organisationId, RiskLevel level, List<String> ruleIds,
                     Instant requestedAt) implements HandoffEvent {
        public Requested {
            ruleIds = List.copyOf(ruleIds);
        }
    }

    record Accepted(EscalationId escalationId, OrganisationId organisationId) implements HandoffEvent {
    }

    record TimedOut(EscalationId escalationId, OrganisationId organisationId) implements HandoffEvent {
    }

    record MessagePosted(EscalationId escalationId, OrganisationId organisationId, long messageId, Author author)
            implements HandoffEvent {
    }

    record ContactLeft(EscalationId escalationId, OrganisationId organisationId) implements HandoffEvent {
    }

    record Closed(EscalationId escalationId, OrganisationId organisationId) implements HandoffEvent {
    }

    /**
     * The number of therapists on duty in the organisation changed while this request waits: the person's screen
     * says at once whether anybody is there.
     */
    record DutyChanged(EscalationId escalationId, OrganisationId organisationId) implements HandoffEvent {
    }

    /** The person changed whether the therapist may see what raised the alert: the therapist's screen follows. */
    record SharingChanged(EscalationId escalationId, OrganisationId organisationId) implements HandoffEvent {
    }
}
