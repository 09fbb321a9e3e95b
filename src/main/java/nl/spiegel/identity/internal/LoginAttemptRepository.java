package nl.spiegel.identity.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.spiegel.identity.AccountData;
import nl.spiegel.identity.UserId;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.shared.crypto.FieldCipher;
import nl.spiegel.shared.database.DbTime;

/** Every login attempt, without passwords or e-mail addresses. */
@Repository
public class LoginAttemptRepository {

    public enum Step { PASSWORD, SECOND_FACTOR }

    /**
     * SUCCESS: logged in completely. PASSWORD_OK: the password was right and the code is still to come, which does
     * not forgive earlier failures (else the code could be guessed for ever). FAILURE: wrong address, password or
     * code. BLOCKED: refused by throttling without checking anything.
     */
    public enum Outcome { SUCCESS, PASSWORD_OK, FAILURE, BLOCKED }

    /** Key purposes of the keyed hashes in login_attempts.email_hash and login_locks.lock_key. */
    public static final String EMAIL_PURPOSE = "login_attempts.email_hash";
    private static final String LOCK_PURPOSE = "login_locks.lock_key";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    LoginAttemptRepository(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** The keyed hash of a typed e-mail address that belongs to no account. */
    public String emailHash(String normalisedEmail) {
        return cipher.keyedHash(EMAIL_PURPOSE, normalisedEmail);
    }

    /**
     * Forgets the attempts from before a moment (network addresses and hashes of typed addresses are not kept
     * longer than needed), and the lock rows, which are made again when needed.
     *
     * @return how many attempts were deleted
     */
    public int purgeBefore(Instant before) {
        int deleted = jdbc.sql("DELETE FROM login_attempts WHERE attempted_at < ?").param(DbTime.write(before))
                .update();
        jdbc.sql("DELETE FROM login_locks").update();
        return deleted;
    }

    /**
     * @param userId    the account, when the address belongs to one
     * @param emailHash hash of the typed address, only when it belongs to no account
     */
    public void record(Instant at, UserId userId, OrganisationId organisation, String emailHash, String address,
                       Step step, Outcome outcome) {
        jdbc.sql("""
                        INSERT INTO login_attempts (attempted_at, user_id, email_hash, ip_address, step, outcome,
                            organisation_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(DbTime.write(at), userId == null ? null : userId.toString(),
                        userId == null ? emailHash : null, address, step.name(), outcome.name(),
                        organisation == null ? null : organisation.toString())
                .update();
    }

    /**
     * Takes the throttling locks for these keys until the transaction ends, so that checking the recent attempts and
     * recording this one happen for one attempt at a time per key, also across application nodes. Keys are locked
     * in a fixed order (no deadlock between two attempts); each row is made by an insert that takes its lock at once.
     */
    public void lock(String... keys) {
        for (String key : Arrays.stream(keys).map(key -> cipher.keyedHash(LOCK_PURPOSE, key)).distinct().sorted()
                .toList()) {
            jdbc.sql("INSERT INTO login_locks (lock_key) VALUES (?) ON DUPLICATE KEY UPDATE lock_key = lock_key")
                    .param(key).update();
        }
    }

    /** Completed logins and failures on one account since a moment. */
    public List<LoginThrottlePolicy.Attempt> forAccount(UserId userId, Instant since) {
        return attemptsWhere("user_id", userId.toString(), since);
    }

    /** The same for an address that belongs to no account, so unknown and known addresses behave alike. */
    public List<LoginThrottlePolicy.Attempt> forEmailHash(String emailHash, Instant since) {
        return attemptsWhere("email_hash", emailHash, since);
    }

    public List<LoginThrottlePolicy.Attempt> fromAddress(String address, Instant since) {
        return attemptsWhere("ip_address", address, since);
    }

    /** Every attempt on one account, oldest first, for the person's data export. */
    public List<AccountData.LoginAttempt> ofAccount(UserId userId) {
        return jdbc.sql("""
                SELECT attempted_at, ip_address, step, outcome FROM login_attempts
                WHERE user_id = ? ORDER BY attempted_at""")
                .param(userId.toString())
                .query((rs, row) -> new AccountData.LoginAttempt(DbTime.read(rs, "attempted_at"),
                        rs.getString("ip_address"), rs.getString("step"), rs.getString("outcome")))
                .list();
    }

    /** Counted attempts since a moment, keyed on one column (only called with the literal names above). */
    private List<LoginThrottlePolicy.Attempt> attemptsWhere(String column, String value, Instant since) {
        return jdbc.sql("SELECT attempted_at, outcome FROM login_attempts WHERE " + column
                        + " = ? AND attempted_at > ? AND outcome IN ('SUCCESS', 'FAILURE')")
                .params(value, DbTime.write(since))
                .query((rs, row) -> new LoginThrottlePolicy.Attempt(DbTime.read(rs, "attempted_at"),
                        Outcome.FAILURE.name().equals(rs.getString("outcome"))))
                .list();
    }
}
