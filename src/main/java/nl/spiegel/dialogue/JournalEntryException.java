package nl.spiegel.dialogue;

/** A journal entry or reminder that cannot be stored as given; nothing was stored. */
public class JournalEntryException extends RuntimeException {

    public enum Reason {
        /** The note is empty. */
        EMPTY,
        /** The note is longer than allowed. */
        TOO_LONG,
        /** The reminder's first moment has passed. */
        IN_THE_PAST,
        /** A repeat other than the ones offered. */
        UNKNOWN_REPEAT,
        /** Reminders go by e-mail: the person has no account with an address. */
        NO_ADDRESS
    }

    private final Reason reason;
    private final int limit;

    public JournalEntryException(Reason reason, int limit) {
        super(reason.name());
        this.reason = reason;
        this.limit = limit;
    }

    public Reason reason() {
        return reason;
    }

    /** The longest allowed note when the reason is {@link Reason#TOO_LONG}. */
    public int limit() {
        return limit;
    }
}
