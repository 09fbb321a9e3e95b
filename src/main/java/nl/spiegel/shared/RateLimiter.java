package nl.spiegel.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * At most {@code limit} uses per key within a sliding {@code window}. Kept in memory of one node: after a restart the
 * count starts again, and with several nodes each counts its own, which is fine for slowing down floods.
 */
public final class RateLimiter {

    private static final int TIDY_ABOVE = 10_000;

    private final Map<String, Deque<Instant>> used = new HashMap<>();
    private final int limit;
    private final Duration window;
    private final Clock clock;

    public RateLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Takes one use from the budget of every key; false (and nothing taken) when one of them is used up. */
    public synchronized boolean take(String... keys) {
        Instant now = clock.instant();
        Instant from = now.minus(window);
        for (String key : keys) {
            Deque<Instant> times = used.computeIfAbsent(key, ignored -> new ArrayDeque<>());
            while (!times.isEmpty() && !times.peekFirst().isAfter(from)) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                return false;
            }
        }
        for (String key : keys) {
            used.get(key).addLast(now);
        }
        if (used.size() > TIDY_ABOVE) {
            used.values().removeIf(times -> times.isEmpty() || !times.peekLast().isAfter(from));
        }
        return true;
    }
}
