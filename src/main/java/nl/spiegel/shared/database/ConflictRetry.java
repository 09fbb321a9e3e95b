package nl.spiegel.shared.database;

import java.lang.reflect.Method;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.resilience.retry.MethodRetryPredicate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * When {@link RetryOnConflict} tries again: after a lost transaction (deadlock or Galera certification conflict), and
 * only when no transaction is still open around the call. The retry sits outside the method's own transaction, so a
 * transaction still open here is a caller's, already rolled back by the database: trying again inside it would run
 * the rest of the work without what came before, so the caller has to see the error.
 */
public class ConflictRetry implements MethodRetryPredicate {

    @Override
    public boolean shouldRetry(Method method, Throwable failure) {
        return lostConflict(failure) && !TransactionSynchronizationManager.isActualTransactionActive();
    }

    static boolean lostConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof PessimisticLockingFailureException) {
                return true;
            }
        }
        return false;
    }
}
