package nl.spiegel.organisation;

/**
 * What an organisation admin typed for single sign-on. An empty {@code clientSecret} keeps the stored one.
 *
 * @param roleMapping lines {@code value=ROLE}
 */
public record SsoChange(boolean enabled, String issuer, String clientId, String clientSecret, String roleClaim,
                        String roleMapping) {

    @Override
    public String toString() {
        // the secret stays out of logs and debug output
        return "SsoChange[" + enabled + ", " + issuer + "]";
    }
}
