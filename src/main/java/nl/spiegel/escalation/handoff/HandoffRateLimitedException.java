package nl.spiegel.escalation.handoff;

/** Too many new requests to talk to a human from one visitor or network address in a short time. */
public class HandoffRateLimitedException extends RuntimeException {

    public HandoffRateLimitedException() {
        super("too many handoff requests");
    }
}
