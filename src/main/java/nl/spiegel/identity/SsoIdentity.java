package nl.spiegel.identity;

/**
 * Who the organisation's provider says somebody is, from a validated ID token.
 *
 * @param issuer        the provider ({@code iss})
 * @param subject       its stable id of the person ({@code sub})
 * @param email         the address, if the provider shared one
 * @param emailVerified whether the provider vouches for the address ({@code email_verified} true)
 * @param name          a display name, if shared
 */
public record SsoIdentity(String issuer, String subject, String email, boolean emailVerified, String name) {

    @Override
    public String toString() {
        // no address or name: these end up in logs
        return "SsoIdentity[" + issuer + "]";
    }
}
