package nl.spiegel.dialogue.engine;

/** The reply does not fit the node that is waiting. The reason maps to a translated message in the UI. */
public final class InvalidInputException extends RuntimeException {

    public enum Reason {
        EMPTY, TOO_LONG, UNKNOWN_OPTION, WRONG_KIND, FINISHED, NO_ANSWERS
    }

    private final Reason reason;

    public InvalidInputException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
