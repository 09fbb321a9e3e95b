package nl.spiegel.identity;

import java.util.Objects;

import nl.spiegel.organisation.OrganisationId;

/** A registered account, as the account page shows it. */
public record Account(UserId userId, OrganisationId organisationId, Role role, String email, String displayName,
                      boolean totpEnabled) {

    public Account {
        Objects.requireNonNull(userId);
        Objects.requireNonNull(organisationId);
        Objects.requireNonNull(role);
        Objects.requireNonNull(email);
    }

    /** Staff cannot switch the second step off; clients choose. */
    public boolean mayDisableTotp() {
        return totpEnabled && !role.requiresSecondFactor();
    }

    @Override
    public String toString() {
        return "Account[" + userId + ", " + role + "]";
    }
}
