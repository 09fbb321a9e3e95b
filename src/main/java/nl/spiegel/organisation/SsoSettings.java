package nl.spiegel.organisation;

import java.time.Instant;
import java.util.List;

/**
 * An organisation's single sign-on as its admin sees it: never the client secret itself, only whether one is stored.
 *
 * @param roleMapping lines {@code value=ROLE}, read top to bottom: the first value found in the role claim decides
 */
public record SsoSettings(OrganisationId organisation, boolean enabled, String issuer, String clientId,
                          boolean secretStored, String roleClaim, List<SsoRoleRule> roleMapping,
                          String endSessionUri, Instant updatedAt) {

    public SsoSettings {
        roleMapping = List.copyOf(roleMapping);
    }
}
