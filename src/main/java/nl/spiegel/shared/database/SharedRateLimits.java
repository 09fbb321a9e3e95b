package nl.spiegel.shared.database;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sliding-window budgets ("at most N uses per key within a window") kept in the database, so every app node that
 * shares it takes from the same budget (tables {@code rate_limit_keys} and {@code rate_limit_uses}). Each take is its
 * own short transaction that locks the keys' rows in a fixed order (by writing them), counts the uses in the window and stores the new
 * ones: two nodes taking at the same moment are counted one after the other. A use is kept even when the caller's own
 * transaction rolls back afterwards, as with the budget in memory this replaces. Keys are stored as SHA-256 hashes.
 *
 * <p>No library was used: Bucket4j's JDBC back-ends are not on this project's Maven mirror, and token buckets would
 * change the documented "N per hour" rule into a refill rate.
 */
@Component
public class SharedRateLimits {

    private static final int TIDY_EVERY = 500;
    /** Each take is its own transaction (REQUIRES_NEW), so trying it again is always safe. */
    private final RetryTemplate retry = new RetryTemplate(RetryPolicy.builder()
            .includes(PessimisticLockingFailureException.class).maxRetries(3)
            .delay(Duration.ofMillis(10)).jitter(Duration.ofMillis(5)).multiplier(2).maxDelay(Duration.ofMillis(100))
            .build());

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AtomicInteger takes = new AtomicInteger();

    SharedRateLimits(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** A budget of {@code limit} uses per key within {@code window}, named by {@code scope} (at most 32 characters). */
    public Budget budget(String scope, int limit, Duration window) {
        return new Budget(scope, limit, window);
    }

    public final class Budget {

        private final String scope;
        private final int limit;
        private final Duration window;

        private Budget(String scope, int limit, Duration window) {
            if (scope.length() > 32) {
                throw new IllegalArgumentException("scope too long");
            }
            this.scope = scope;
            this.limit = limit;
            this.window = Objects.requireNonNull(window);
        }

        /** Takes one use from the budget of every key; false (and nothing taken) when one of them is used up. */
        public boolean take(String... keys) {
            List<String> hashes = java.util.Arrays.stream(keys).map(SharedRateLimits::sha256).distinct().sorted()
                    .toList();
            // a deadlock or a lost certification on a Galera cluster: the other taker won, count again
            return Boolean.TRUE.equals(retry.invoke(() -> transactions.execute(status -> takeLocked(hashes))));
        }

        private boolean takeLocked(List<String> hashes) {
            Instant now = clock.instant();
            Instant from = now.minus(window);
            for (String hash : hashes) {
                jdbc.sql("INSERT IGNORE INTO rate_limit_keys (scope, key_hash) VALUES (?, ?)")
                        .params(scope, hash).update();
            }
            for (String hash : hashes) {
                // a write, not only a lock: on a Galera cluster row locks stay on their node, but two nodes writing
                // the same row conflict at commit (retried above). Sorted order: two takers with overlapping keys
                // lock them in the same order
                jdbc.sql("UPDATE rate_limit_keys SET takes = takes + 1 WHERE scope = ? AND key_hash = ?")
                        .params(scope, hash).update();
            }
            for (String hash : hashes) {
                int used = jdbc.sql("""
                                SELECT COUNT(*) FROM rate_limit_uses
                                WHERE scope = ? AND key_hash = ? AND used_at > ?""")
                        .params(scope, hash, DbTime.write(from)).query(Integer.class).single();
                if (used >= limit) {
                    return false;
                }
            }
            for (String hash : hashes) {
                jdbc.sql("INSERT INTO rate_limit_uses (scope, key_hash, used_at) VALUES (?, ?, ?)")
                        .params(scope, hash, DbTime.write(now)).update();
            }
            if (takes.incrementAndGet() % TIDY_EVERY == 0) {
                jdbc.sql("DELETE FROM rate_limit_uses WHERE scope = ? AND used_at <= ?")
                        .params(scope, DbTime.write(from)).update();
            }
            return true;
        }
    }

    private static String sha256(String key) {
        return DigestUtils.sha256Hex(key);
    }
}
