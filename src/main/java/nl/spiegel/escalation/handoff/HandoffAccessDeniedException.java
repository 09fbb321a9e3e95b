package nl.spiegel.escalation.handoff;

/** The caller is not a participant, not a therapist, or of another organisation. Says nothing about the escalation. */
public class HandoffAccessDeniedException extends RuntimeException {

    public HandoffAccessDeniedException(String message) {
        super(message);
    }
}
