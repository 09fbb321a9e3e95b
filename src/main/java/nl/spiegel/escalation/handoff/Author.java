package nl.spiegel.escalation.handoff;

/** Who wrote a message in the live chat. */
public enum Author {
    PERSON,
    THERAPIST
}
