package nl.spiegel.escalation;

import java.time.LocalTime;

/**
 * When a crisis contact can be reached, in the organisation's time zone. {@link #ALWAYS} for lines that never close
 * (113, 112); an end before the start runs past midnight (17:00-08:00).
 */
public record OpeningHours(LocalTime from, LocalTime until) {

    public static final OpeningHours ALWAYS = new OpeningHours(null, null);

    public OpeningHours {
        if ((from == null) != (until == null)) {
            throw new IllegalArgumentException("opening hours need both a start and an end, or neither");
        }
        if (from != null && from.equals(until)) {
            throw new IllegalArgumentException("opening hours of zero length");
        }
    }

    public boolean isAlways() {
        return from == null;
    }

    /** Whether the contact can be reached at this local time; the start counts, the end does not. */
    public boolean isOpenAt(LocalTime time) {
        if (isAlways()) {
            return true;
        }
        return from.isBefore(until)
                ? !time.isBefore(from) && time.isBefore(until)
                : !time.isBefore(from) || time.isBefore(until);
    }
}
