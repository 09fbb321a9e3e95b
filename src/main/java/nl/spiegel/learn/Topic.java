package nl.spiegel.learn;

import java.util.Locale;
import java.util.Map;

/**
 * One explanation in the psycho-education corner. Texts are per language; the body uses a tiny format: blank line
 * between paragraphs, "- " for list items, "## " for subheadings.
 */
public record Topic(String id, Map<String, String> title, Map<String, String> summary, Map<String, String> body) {

    public Topic {
        title = Map.copyOf(title);
        summary = Map.copyOf(summary);
        body = Map.copyOf(body);
    }

    public String title(Locale locale) {
        return pick(title, locale);
    }

    public String summary(Locale locale) {
        return pick(summary, locale);
    }

    public String body(Locale locale) {
        return pick(body, locale);
    }

    private static String pick(Map<String, String> values, Locale locale) {
        String value = values.get(locale.getLanguage());
        return value != null ? value : values.getOrDefault("nl", "");
    }
}
