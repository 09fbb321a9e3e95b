package nl.spiegel.identity;

/** What happened when a confirmation link was opened. */
public sealed interface VerificationResult {

    /** Confirmed; the account is the visitor's own row, with everything they did. Log the session in. */
    record Verified(AuthenticatedAccount account) implements VerificationResult {
    }

    /**
     * The link was opened in another browser than the one that registered: the password chosen at registration
     * proves it is the same person (a mistyped address must not give a stranger the account).
     */
    record PasswordNeeded() implements VerificationResult {
    }

    record WrongPassword() implements VerificationResult {
    }

    /** Unknown, used or expired link. */
    record Invalid() implements VerificationResult {
    }

    /** Somebody confirmed this address for another account first. */
    record AddressTaken() implements VerificationResult {
    }

    /** Too many wrong passwords for this link lately. */
    record Throttled(java.time.Duration retryAfter) implements VerificationResult {
    }
}
