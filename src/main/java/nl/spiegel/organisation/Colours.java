package nl.spiegel.organisation;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Colour parsing and the WCAG 2 contrast ratio, pure. */
public final class Colours {

    /** WCAG AA for normal text. */
    public static final double MINIMUM_CONTRAST = 4.5;

    private static final Pattern HEX = Pattern.compile("^#?([0-9a-fA-F]{6})$");

    private Colours() {
    }

    /** "#1A5E7A", "1a5e7a" become "#1a5e7a"; anything else is empty. */
    public static Optional<String> normalise(String colour) {
        if (colour == null) {
            return Optional.empty();
        }
        var matcher = HEX.matcher(colour.strip());
        return matcher.matches() ? Optional.of("#" + matcher.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /** The contrast ratio of two {@code #rrggbb} colours, from 1 (none) to 21 (black on white). */
    public static double contrast(String first, String second) {
        double a = luminance(first);
        double b = luminance(second);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    /** Relative luminance as WCAG 2 defines it. */
    static double luminance(String colour) {
        String hex = normalise(colour).orElseThrow(() -> new IllegalArgumentException("not a colour: " + colour));
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int value) {
        double c = (value & 0xff) / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
