package nl.spiegel.risk;

/**
 * How sure the detector is of its level. The product answers a {@link #LOW} result with one gentle check-in inside
 * the dialogue, never with the full crisis flow.
 */
public enum RiskConfidence {
    /** A reviewed lexicon rule gave the level. */
    HIGH,
    /** Only the learned backstop (or only earlier messages of the conversation) raised the level. */
    LOW
}
