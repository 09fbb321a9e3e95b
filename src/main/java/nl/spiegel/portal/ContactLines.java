package nl.spiegel.portal;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.spiegel.escalation.ContactPurpose;
import nl.spiegel.escalation.CrisisContact;
import nl.spiegel.escalation.OpeningHours;
import nl.spiegel.escalation.ScheduledContact;
import nl.spiegel.organisation.OrganisationSettingsException;

/**
 * Crisis contacts as an admin types them, one per line: {@code name | numbers | hours | description}, for example
 * {@code Eigen crisisdienst | 010-1234567 | 08:00-17:00 | Overdag, voor cliënten}. Numbers are separated by commas;
 * hours are {@code HH:mm-HH:mm} (past midnight allowed: {@code 17:00-08:00}) or empty for always.
 */
public final class ContactLines {

    private static final Pattern HOURS = Pattern.compile("^(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})$");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("HH:mm");

    private ContactLines() {
    }

    /** @throws OrganisationSettingsException naming the line that cannot be read; nothing is saved then */
    public static List<ScheduledContact> parse(String text, Locale language) {
        List<ScheduledContact> contacts = new ArrayList<>();
        String[] lines = text == null ? new String[0] : text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            List<String> parts = Arrays.stream(line.split("\\|", -1)).map(String::strip).toList();
            if (parts.size() < 2 || parts.getFirst().isEmpty() || parts.size() > 4) {
                throw new OrganisationSettingsException("organisation.error.contact-line", i + 1);
            }
            String hours = parts.size() > 2 ? parts.get(2) : "";
            String description = parts.size() > 3 ? parts.get(3) : "";
            contacts.add(new ScheduledContact(language.getLanguage(), new CrisisContact(parts.get(0), description,
                    Arrays.asList(parts.get(1).split(",")), null, ContactPurpose.OTHER), hours(hours, i + 1)));
        }
        return contacts;
    }

    /** The contacts of one language back as lines, for the edit field. */
    public static String format(List<ScheduledContact> contacts, Locale language) {
        StringBuilder text = new StringBuilder();
        for (ScheduledContact scheduled : contacts) {
            if (!scheduled.language().equals(language.getLanguage())) {
                continue;
            }
            OpeningHours hours = scheduled.hours();
            text.append(scheduled.contact().name()).append(" | ").append(String.join(", ", scheduled.contact().phones()))
                    .append(" | ").append(hours.isAlways() ? "" : SHOWN.format(hours.from()) + "-"
                            + SHOWN.format(hours.until()))
                    .append(" | ").append(scheduled.contact().description()).append('\n');
        }
        return text.toString();
    }

    private static OpeningHours hours(String text, int line) {
        if (text.isEmpty()) {
            return OpeningHours.ALWAYS;
        }
        Matcher matcher = HOURS.matcher(text);
        try {
            if (matcher.matches()) {
                return new OpeningHours(LocalTime.parse(matcher.group(1), TIME), LocalTime.parse(matcher.group(2), TIME));
            }
        } catch (DateTimeParseException | IllegalArgumentException e) {
            // reported below
        }
        throw new OrganisationSettingsException("organisation.error.contact-hours", line);
    }
}
