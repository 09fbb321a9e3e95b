package nl.spiegel.identity;

import java.util.Objects;

import nl.spiegel.organisation.OrganisationId;

/** A logged-in member of staff. The display name is shown to the people they talk to; the e-mail is not. */
public record StaffMember(UserId userId, OrganisationId organisationId, String displayName, Role role) {

    public StaffMember {
        Objects.requireNonNull(userId);
        Objects.requireNonNull(organisationId);
        Objects.requireNonNull(displayName);
        Objects.requireNonNull(role);
    }

    public boolean isTherapist() {
        return role == Role.THERAPIST;
    }

    /**
     * Whether this staff member may see data of the given organisation: their own, or every organisation for a
     * platform admin (whose own organisation is only the default one).
     */
    public boolean mayAccess(OrganisationId organisation) {
        return !role.isOrganisationScoped() || organisationId.equals(organisation);
    }
}
