package nl.spiegel.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login throttling: an attacker is slowed down, the owner of the account is never locked out for long.
 *
 * @param accountFailures       failed attempts on one account within the window before it has to wait
 * @param addressFailures       failed attempts from one network address within the window before it has to wait
 *                              (higher: many people can share one address)
 * @param window                failures older than this are forgotten; also the longest wait
 * @param firstDelay            the wait after reaching a limit; it doubles with every further failure
 * @param secondFactorTimeout   how long after the password step the code from the authenticator app is accepted
 * @param secondFactorLockAfter wrong codes in a row after which the second step is locked until a password reset by
 *                              mail or an administrator (NIST SP 800-63B: at most 100)
 * @param attemptsKeptFor       login attempts (with network addresses) older than this are deleted
 */
@ConfigurationProperties("spiegel.login")
public record LoginProperties(@DefaultValue("5") int accountFailures,
                              @DefaultValue("20") int addressFailures,
                              @DefaultValue("15m") Duration window,
                              @DefaultValue("1m") Duration firstDelay,
                              @DefaultValue("5m") Duration secondFactorTimeout,
                              @DefaultValue("10") int secondFactorLockAfter,
                              @DefaultValue("30d") Duration attemptsKeptFor) {

    public LoginProperties {
        if (secondFactorLockAfter < 1 || secondFactorLockAfter > 100) {
            throw new IllegalArgumentException("spiegel.login.second-factor-lock-after must be between 1 and 100");
        }
        if (attemptsKeptFor.compareTo(window) < 0) {
            throw new IllegalArgumentException("spiegel.login.attempts-kept-for must be at least spiegel.login.window");
        }
    }
}
