package nl.spiegel.escalation.handoff;

import java.time.Instant;

/** One message of the live chat between a person and a therapist. */
public record HandoffMessage(long id, EscalationId escalationId, Author author, String text, Instant at) {

    @Override
    public String toString() {
        // never print what someone wrote
        return "HandoffMessage[" + id + ", " + escalationId + ", " + author + "]";
    }
}
