package nl.spiegel.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import nl.spiegel.identity.AccountProperties;

/**
 * At most {@code spiegel.accounts.mails-per-hour} account e-mails per account or address, so the forms cannot be used
 * to flood someone's mailbox. Kept in memory: after a restart the count starts again, which is harmless.
 */
@Component
public class MailBudget {

    private static final Duration HOUR = Duration.ofHours(1);

    private final Map<String, Deque<Instant>> sent = new ConcurrentHashMap<>();
    private final int perHour;
    private final Clock clock;

    MailBudget(AccountProperties properties, Clock clock) {
        this.perHour = properties.mailsPerHour();
        this.clock = clock;
    }

    /** Takes one mail from the budget of every key; false (and nothing taken) when one of them is used up. */
    public synchronized boolean take(String... keys) {
        Instant now = clock.instant();
        for (String key : keys) {
            Deque<Instant> times = sent.computeIfAbsent(key, ignored -> new ArrayDeque<>());
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(HOUR))) {
                times.pollFirst();
            }
            if (times.size() >= perHour) {
                return false;
            }
        }
        for (String key : keys) {
            sent.get(key).addLast(now);
        }
        if (sent.size() > 10_000) {
            sent.values().removeIf(times -> times.isEmpty() || !times.peekLast().isAfter(now.minus(HOUR)));
        }
        return true;
    }
}
