package nl.spiegel.review;

/**
 * The code does not open a share: unknown, expired, used before, of another organisation or of someone who is no
 * longer a therapist there. One exception for all of them, so the screen cannot tell which.
 */
public class InvalidInviteException extends RuntimeException {

    public InvalidInviteException() {
        super("invite code refused");
    }
}
