package nl.spiegel.identity;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;

/**
 * A login whose password was right and that still needs the code from an authenticator app (or, for staff without
 * one yet, needs to set one up). Lives in the HTTP session only; only this module can make one.
 */
public final class PendingLogin implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String userId;
    private final Instant passwordCheckedAt;
    private final boolean enrolment;

    PendingLogin(UserId userId, Instant passwordCheckedAt, boolean enrolment) {
        this.userId = userId.toString();
        this.passwordCheckedAt = passwordCheckedAt;
        this.enrolment = enrolment;
    }

    UserId userId() {
        return UserId.parse(userId);
    }

    Instant passwordCheckedAt() {
        return passwordCheckedAt;
    }

    /** True when the account has no authenticator app yet and must set one up first (staff on their first login). */
    public boolean needsEnrolment() {
        return enrolment;
    }

    @Override
    public String toString() {
        return "PendingLogin[" + userId + (enrolment ? ", enrolment" : "") + "]";
    }
}
