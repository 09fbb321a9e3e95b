package nl.spiegel.review;

/** What a person shares with a therapist when they use an invite code. */
public enum ShareScope {
    /** Only the dialogue they share from. */
    THIS_DIALOGUE,
    /** That dialogue and every dialogue they start from now on, until they stop it. */
    FROM_NOW_ON
}
