package nl.spiegel.escalation;

/** No such screening for this visitor: it does not exist or belongs to someone else, which look the same. */
public class ScreeningNotFoundException extends RuntimeException {

    public ScreeningNotFoundException(ScreeningId id) {
        super("screening " + id + " not found");
    }
}
