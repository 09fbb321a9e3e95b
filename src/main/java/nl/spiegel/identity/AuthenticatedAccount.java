package nl.spiegel.identity;

import nl.spiegel.organisation.OrganisationId;

/**
 * Proof that an account passed every login step (or just confirmed its address). Only this module can make one, so a
 * screen cannot log somebody in without going through {@link LoginService} or {@link AccountService}.
 */
public final class AuthenticatedAccount {

    private final UserId userId;
    private final OrganisationId organisationId;
    private final Role role;
    private final String email;
    private final String displayName;

    AuthenticatedAccount(UserId userId, OrganisationId organisationId, Role role, String email, String displayName) {
        this.userId = userId;
        this.organisationId = organisationId;
        this.role = role;
        this.email = email;
        this.displayName = displayName == null ? "" : displayName;
    }

    public UserId userId() {
        return userId;
    }

    public OrganisationId organisationId() {
        return organisationId;
    }

    public Role role() {
        return role;
    }

    String email() {
        return email;
    }

    String displayName() {
        return displayName;
    }

    @Override
    public String toString() {
        return "AuthenticatedAccount[" + userId + ", " + role + "]";
    }
}
