package nl.spiegel.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * Describes a failure for the log without its messages: exception messages from the database layer can carry SQL
 * parameters, i.e. what a person wrote. Only the exception types along the cause chain are kept.
 */
public final class LogSafe {

    private LogSafe() {
    }

    public static String describe(Throwable failure) {
        List<String> kinds = new ArrayList<>();
        for (Throwable t = failure; t != null && kinds.size() < 5; t = t.getCause() == t ? null : t.getCause()) {
            kinds.add(t.getClass().getName());
        }
        return String.join(" <- ", kinds);
    }
}
