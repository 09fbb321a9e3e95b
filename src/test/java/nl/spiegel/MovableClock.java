package nl.spiegel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/** A clock tests move by hand, to see links expire, throttling recover and timeouts fire without waiting. */
public final class MovableClock extends Clock {

    private final AtomicReference<Instant> now;

    /** Starts at the current moment, truncated to what MariaDB's DATETIME(6) stores. */
    public MovableClock() {
        this(Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    public MovableClock(Instant start) {
        now = new AtomicReference<>(start);
    }

    public void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
