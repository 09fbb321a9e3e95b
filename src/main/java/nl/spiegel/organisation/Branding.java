package nl.spiegel.organisation;

import java.util.Locale;
import java.util.Optional;

/**
 * An organisation's look. Colours are {@code #rrggbb} or null (Spiegel's own); both passed the contrast check
 * against white ({@link Colours#MINIMUM_CONTRAST}) when they were saved.
 *
 * @param primaryColour buttons and the user's bubbles, with white text on it
 * @param accentColour  links and headings, as text on a white background
 */
public record Branding(String primaryColour, String accentColour, String welcomeNl, String welcomeEn,
                       boolean hasLogo) {

    public static final Branding NONE = new Branding(null, null, null, null, false);

    /** The welcome text in the language asked for, Dutch when there is no English one. */
    public Optional<String> welcome(Locale locale) {
        String text = "en".equals(locale.getLanguage()) && welcomeEn != null && !welcomeEn.isBlank() ? welcomeEn
                : welcomeNl;
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(text);
    }
}
