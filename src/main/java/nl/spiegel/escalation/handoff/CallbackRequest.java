package nl.spiegel.escalation.handoff;

/** A person nobody could reach in time left a way to be contacted; only therapists of the organisation see it. */
public record CallbackRequest(Escalation escalation, String contact) {

    @Override
    public String toString() {
        return "CallbackRequest[" + escalation.id() + "]";
    }
}
