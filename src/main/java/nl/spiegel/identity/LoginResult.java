package nl.spiegel.identity;

import java.time.Duration;

/** What happened to a login step. */
public sealed interface LoginResult {

    /** All steps passed: hand the account to {@link AccountSessions#logIn}. */
    record LoggedIn(AuthenticatedAccount account) implements LoginResult {
    }

    /** The password was right; now the code from the authenticator app. */
    record SecondFactorNeeded(PendingLogin pending) implements LoginResult {
    }

    /** The password was right; staff must first set up an authenticator app. */
    record EnrolmentNeeded(PendingLogin pending) implements LoginResult {
    }

    /** Wrong address, password or code; deliberately without saying which. */
    record Failed() implements LoginResult {
    }

    /** Too many failures recently: wait this long before trying again. */
    record Throttled(Duration retryAfter) implements LoginResult {
    }

    /**
     * Too many wrong codes in a row: the second step stays locked until the password is reset by mail or an
     * administrator unlocks it. Only said after the right password.
     */
    record SecondFactorLocked() implements LoginResult {
    }

    /** The password step is too long ago (or the account changed): start again. */
    record Expired() implements LoginResult {
    }
}
