package nl.spiegel.identity;

import nl.spiegel.organisation.OrganisationId;

/** The person using the app right now: pseudonymous until they register. */
public record Visitor(UserId userId, OrganisationId organisationId) {
}
