package nl.spiegel.dialogue;

/** No such session for this visitor; also thrown for someone else's session, so ids cannot be probed. */
public class SessionNotFoundException extends RuntimeException {

    public SessionNotFoundException(SessionId id) {
        super("No session " + id + " for this visitor");
    }
}
