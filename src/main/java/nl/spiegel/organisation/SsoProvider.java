package nl.spiegel.organisation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An organisation's enabled OpenID Connect provider, with the endpoints found by discovery when it was saved and the
 * decrypted client secret, for the login itself. Only the identity module's login uses it.
 */
public record SsoProvider(OrganisationId organisation, String slug, String issuer, String clientId,
                          String clientSecret, String authorizationUri, String tokenUri, String jwkSetUri,
                          String endSessionUri, String roleClaim, List<SsoRoleRule> roleMapping) {

    public SsoProvider {
        roleMapping = List.copyOf(roleMapping);
    }

    /**
     * The role for a person with these claims: the first rule whose value the role claim holds (a string or a list of
     * strings); empty when no rule matches or no claim is configured.
     */
    public Optional<String> roleFor(Map<String, Object> claims) {
        if (roleClaim == null || roleClaim.isBlank() || claims == null) {
            return Optional.empty();
        }
        Object claim = claims.get(roleClaim);
        List<String> values = switch (claim) {
            case null -> List.of();
            case String single -> List.of(single);
            case Collection<?> many -> many.stream().map(String::valueOf).toList();
            default -> List.of(String.valueOf(claim));
        };
        return roleMapping.stream().filter(rule -> values.contains(rule.value())).map(SsoRoleRule::role).findFirst();
    }

    @Override
    public String toString() {
        return "SsoProvider[" + organisation + ", " + issuer + "]";
    }
}
