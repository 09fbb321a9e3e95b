package nl.spiegel.shared.i18n;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Dates and times as people in the Netherlands read them, in the reader's language. */
public final class Moments {

    /** The product serves the Netherlands first; the browser's zone is not known on the server. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private Moments() {
    }

    /** A day, written out: "7 december 2026". */
    public static String date(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).withZone(ZONE).format(instant);
    }

    /** A day with its time, short: "7 dec 2026, 14:05". */
    public static String dateTime(Instant instant, Locale locale) {
        return format(FormatStyle.MEDIUM, instant, locale);
    }

    /** A day written out with its time: "7 december 2026 om 14:05". */
    public static String longDateTime(Instant instant, Locale locale) {
        return format(FormatStyle.LONG, instant, locale);
    }

    private static String format(FormatStyle date, Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(date, FormatStyle.SHORT).withLocale(locale).withZone(ZONE)
                .format(instant);
    }
}
