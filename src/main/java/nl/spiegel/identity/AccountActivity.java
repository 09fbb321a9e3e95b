package nl.spiegel.identity;

import java.time.Instant;

import nl.spiegel.organisation.OrganisationId;

/**
 * Published when something happens to an account, for the audit trail. Carries ids only, never an address.
 */
public record AccountActivity(UserId userId, OrganisationId organisationId, Kind kind, Instant at) {

    public enum Kind {
        REGISTERED, LOGGED_IN, LOGIN_FAILED, LOGGED_OUT, PASSWORD_RESET, TOTP_ENABLED, TOTP_DISABLED
    }
}
