package nl.spiegel.shared.database;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.resilience.annotation.Retryable;

/**
 * Runs the method again, in a new transaction, when its transaction lost to another one: an InnoDB deadlock, or on a
 * Galera cluster a write that lost certification against a write committed on another node first (both reach the
 * application as error 1213, a {@link PessimisticLockingFailureException}). Only when the failed transaction was the
 * method's own ({@link ConflictRetry}); a method joined to a caller's transaction leaves the retry to that caller.
 * Up to three more tries within a few hundred milliseconds; after that the error reaches the caller as before.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Retryable(includes = PessimisticLockingFailureException.class, predicate = ConflictRetry.class, maxRetries = 3,
        delay = 20, jitter = 10, multiplier = 2, maxDelay = 200)
public @interface RetryOnConflict {
}
