package nl.spiegel.shared.database;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Tells a failure because the database could not be reached (or dropped the connection) from other failures. */
public final class DatabaseAway {

    private DatabaseAway() {
    }

    /**
     * Whether the same work may simply be tried again once the database is back. Causes count too: a view whose
     * constructor met the database away arrives wrapped in the exception of the bean that could not be created.
     */
    public static boolean is(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (itself(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean itself(Throwable failure) {
        return failure instanceof DataAccessResourceFailureException
                || failure instanceof TransientDataAccessException
                || failure instanceof RecoverableDataAccessException
                || failure instanceof CannotCreateTransactionException
                || failure instanceof TransactionSystemException;
    }
}
