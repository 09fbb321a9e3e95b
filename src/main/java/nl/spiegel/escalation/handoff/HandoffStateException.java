package nl.spiegel.escalation.handoff;

/** The escalation moved on: already accepted by someone else, timed out or closed. */
public class HandoffStateException extends RuntimeException {

    private final EscalationStatus status;

    public HandoffStateException(EscalationId id, EscalationStatus status) {
        super("escalation " + id + " is " + status);
        this.status = status;
    }

    public EscalationStatus status() {
        return status;
    }
}
