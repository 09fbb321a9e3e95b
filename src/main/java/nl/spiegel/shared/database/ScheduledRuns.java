package nl.spiegel.shared.database;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import nl.spiegel.shared.LogSafe;

/**
 * Makes a scheduled job run once per period across all app nodes that share the database: each node tries to claim
 * the period, and only the one whose claim is stored runs the job. Nothing lives in one JVM; a node that starts later
 * the same day sees the claim and skips.
 */
@Component
public class ScheduledRuns {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String node = ManagementFactory.getRuntimeMXBean().getName();

    ScheduledRuns(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Runs one scheduled run; a database failure waits for the next run with one warning line (what failed and the
     * exception's class, never a stack trace or data). Also {@code CannotCreateTransactionException}, which is no
     * {@link DataAccessException}: without this the scheduler logged each run of a database outage as an unexpected
     * error with its stack trace. Any other failure is the scheduler's to report.
     */
    public static void untilNextRun(Logger log, String what, Runnable run) {
        try {
            run.run();
        } catch (RuntimeException e) {
            if (DatabaseAway.is(e)) {
                log.warn("{} failed, the next run tries again: {}", what, LogSafe.describe(e));
            } else if (e instanceof DataAccessException) {
                log.warn("{} failed, the next run tries again", what, e);
            } else {
                throw e;
            }
        }
    }

    /** Claims today's (UTC) run of a daily job; true for exactly one caller per job and day. */
    public boolean claimToday(String job) {
        return claim(job, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString());
    }

    /** Claims the run of a job for a period; true for exactly one caller per job and period. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean claim(String job, String period) {
        try {
            return jdbc.sql("INSERT IGNORE INTO scheduled_runs (job, period, node, claimed_at) VALUES (?, ?, ?, ?)")
                    .params(job, period, node, DbTime.write(clock.instant()))
                    .update() == 1;
        } catch (DataAccessException e) {
            // a deadlock or a failed certification on a cluster means another node claimed it at the same moment
            return false;
        }
    }
}
