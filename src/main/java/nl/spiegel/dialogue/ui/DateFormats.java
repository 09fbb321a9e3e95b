package nl.spiegel.dialogue.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Dates as people in the Netherlands read them. */
final class DateFormats {

    // the product serves the Netherlands first; the browser's zone is not known on the server
    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private DateFormats() {
    }

    static String date(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).withZone(ZONE).format(instant);
    }

    static String dateTime(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale)
                .withZone(ZONE).format(instant);
    }
}
