package nl.spiegel.escalation.handoff;

/** Where a request to talk to a human stands. */
public enum EscalationStatus {
    /** Waiting for an on-duty therapist to accept. */
    REQUESTED,
    /** A therapist accepted; the live chat is open. */
    ACCEPTED,
    /** Nobody accepted in time; the person was told and shown the crisis contacts. */
    TIMED_OUT,
    /** A therapist closed it with an outcome note. */
    CLOSED;

    public boolean open() {
        return this == REQUESTED || this == ACCEPTED;
    }
}
