package nl.spiegel.review;

/** The expert can not be asked now: they left the organisation, or do not take new people. */
public class ExpertUnavailableException extends RuntimeException {

    public enum Reason { LEFT, NOT_ACCEPTING }

    private final Reason reason;

    public ExpertUnavailableException(Reason reason) {
        super("expert unavailable: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
