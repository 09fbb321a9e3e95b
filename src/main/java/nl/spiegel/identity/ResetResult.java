package nl.spiegel.identity;

import java.util.List;

/** What happened to a password reset. */
public sealed interface ResetResult {

    record Done() implements ResetResult {
    }

    /** Unknown, used or expired link. */
    record InvalidLink() implements ResetResult {
    }

    record PasswordRejected(List<PasswordProblem> problems) implements ResetResult {
    }
}
