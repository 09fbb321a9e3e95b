package nl.spiegel.identity;

/**
 * What a person needs to add Spiegel to an authenticator app: the secret as text (in groups of four) and as an
 * otpauth:// link.
 */
public record TotpSetup(String secret, String otpauthUri) {

    @Override
    public String toString() {
        return "TotpSetup[hidden]";
    }
}
