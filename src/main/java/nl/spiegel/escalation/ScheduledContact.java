package nl.spiegel.escalation;

import java.util.Objects;

/** An organisation's own crisis contact in one language, with the hours it can be reached. */
public record ScheduledContact(String language, CrisisContact contact, OpeningHours hours) {

    public ScheduledContact {
        Objects.requireNonNull(language);
        Objects.requireNonNull(contact);
        hours = hours == null ? OpeningHours.ALWAYS : hours;
    }
}
