package nl.spiegel.dialogue;

import java.time.Instant;
import java.util.List;

import nl.spiegel.identity.UserId;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.risk.RiskLevel;

/**
 * Published after a message with risk of at least CONCERN was stored. Carries ids and rule ids only, never the text.
 */
public record RiskDetected(SessionId session, UserId user, OrganisationId organisation, RiskLevel level,
                           List<String> ruleIds, Instant at) {

    public RiskDetected {
        ruleIds = List.copyOf(ruleIds);
    }
}
