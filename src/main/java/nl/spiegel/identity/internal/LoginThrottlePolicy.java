package nl.spiegel.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import nl.spiegel.identity.LoginProperties;

/**
 * Decides whether a login attempt may go ahead, from the recent attempts on the account and from the network address.
 * Below the limit nothing happens. At the limit the next attempt has to wait {@code firstDelay}, and every further
 * failure doubles the wait, up to the window. Failures older than the window are forgotten, and for the account a
 * successful login forgets the failures before it, so the owner is never locked out for longer than the window.
 * Refused (blocked) attempts do not count, otherwise an attacker could keep the owner out for ever.
 */
public final class LoginThrottlePolicy {

    /** One earlier attempt: when, and whether it failed. */
    public record Attempt(Instant at, boolean failed) {
    }

    /** Allowed, or how long to wait. */
    public record Decision(Duration retryAfter) {
        public static final Decision ALLOWED = new Decision(Duration.ZERO);

        public boolean allowed() {
            return retryAfter.isZero();
        }
    }

    private final LoginProperties settings;
    private final Clock clock;

    public LoginThrottlePolicy(LoginProperties settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The moment from which attempts matter; older ones are not needed. */
    public Instant windowStart() {
        return clock.instant().minus(settings.window());
    }

    public Decision decide(List<Attempt> onAccount, List<Attempt> fromAddress) {
        Duration account = wait(onAccount, settings.accountFailures(), true);
        Duration address = wait(fromAddress, settings.addressFailures(), false);
        Duration longest = account.compareTo(address) >= 0 ? account : address;
        return longest.isZero() ? Decision.ALLOWED : new Decision(longest);
    }

    private Duration wait(List<Attempt> attempts, int limit, boolean successForgives) {
        Instant now = clock.instant();
        Instant from = now.minus(settings.window());
        if (successForgives) {
            Instant lastSuccess = attempts.stream().filter(attempt -> !attempt.failed()).map(Attempt::at)
                    .max(Comparator.naturalOrder()).orElse(Instant.MIN);
            if (lastSuccess.isAfter(from)) {
                from = lastSuccess;
            }
        }
        Instant start = from;
        List<Instant> failures = attempts.stream().filter(Attempt::failed).map(Attempt::at)
                .filter(at -> at.isAfter(start) && !at.isAfter(now)).sorted().toList();
        if (failures.size() < limit) {
            return Duration.ZERO;
        }
        Duration delay = delayAfter(failures.size() - limit);
        Instant until = failures.getLast().plus(delay);
        return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
    }

    /** firstDelay, doubled for every failure beyond the limit, never longer than the window. */
    Duration delayAfter(int failuresBeyondLimit) {
        Duration delay = settings.firstDelay();
        for (int i = 0; i < failuresBeyondLimit && delay.compareTo(settings.window()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(settings.window()) > 0 ? settings.window() : delay;
    }
}
