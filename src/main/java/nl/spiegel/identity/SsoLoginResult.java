package nl.spiegel.identity;

/** The outcome of a login through an organisation's provider. */
public sealed interface SsoLoginResult {

    /** Logged in; {@code created} when this login made the account. */
    record LoggedIn(AuthenticatedAccount account, boolean created) implements SsoLoginResult {
    }

    /** Not logged in, for this reason; the person sees a friendly message and the normal login. */
    record Refused(Reason reason) implements SsoLoginResult {
    }

    enum Reason {
        /** The person's account belongs to another organisation. */
        OTHER_ORGANISATION,
        /** No link yet, and no address the provider vouches for to make or find the account. */
        NO_VERIFIED_EMAIL,
        /** The account was deactivated by its organisation. */
        DEACTIVATED,
        /** Platform administrators never log in through an organisation's provider. */
        PLATFORM_ADMIN
    }
}
