package nl.spiegel.dialogue;

/** The session moved on (for example in another tab) since the person last saw it. */
public class StaleSessionException extends RuntimeException {

    public StaleSessionException(SessionId id) {
        super("Session " + id + " changed since it was shown");
    }
}
