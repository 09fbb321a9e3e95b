package nl.spiegel.authoring;

import java.time.Duration;
import java.time.Instant;

/** The periods the analytics can be filtered on; coarse on purpose, and checked against each other. */
public enum UsagePeriod {
    ALL(null),
    LAST_90_DAYS(Duration.ofDays(90)),
    LAST_30_DAYS(Duration.ofDays(30));

    private final Duration length;

    UsagePeriod(Duration length) {
        this.length = length;
    }

    /** The first moment counted, or null for ever. */
    public Instant since(Instant now) {
        return length == null ? null : now.minus(length);
    }
}
