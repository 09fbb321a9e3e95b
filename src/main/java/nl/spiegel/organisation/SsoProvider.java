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
     * strings), {@code CLIENT} when none matches. Empty when the organisation configured no role claim: then the
     * provider does not decide roles (a new account is a client, an existing one keeps its role).
     */
    public Optional<String> roleFor(Map<String, Object> claims) {
        if (roleClaim == null || roleClaim.isBlank()) {
            return Optional.empty();
        }
        Object claim = claims == null ? null : claims.get(roleClaim);
        List<String> values = switch (claim) {
            case null -> List.of();
            case String single -> List.of(single);
            case Collection<?> many -> many.stream().map(String::valueOf).toList();
            default -> List.of(String.valueOf(claim));
        };
        return Optional.of(roleMapping.stream().filter(rule -> values.contains(rule.value())).map(SsoRoleRule::role)
                .findFirst().orElse("CLIENT"));
    }

    @Override
    public String toString() {
        return "SsoProvider[" + organisation + ", " + issuer + "]";
    }
}
