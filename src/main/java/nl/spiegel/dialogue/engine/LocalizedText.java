package nl.spiegel.dialogue.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A text in every supported language. Dutch is the first language of the product and the fallback.
 */
public record LocalizedText(Map<String, String> values) {

    /** Languages every visible text must exist in, Dutch first. */
    public static final List<String> LANGUAGES = List.of("nl", "en");

    /** Key for text that is the same in every language, such as what a person typed. */
    public static final String ANY = "*";

    public LocalizedText {
        values = Map.copyOf(Objects.requireNonNull(values));
    }

    public static LocalizedText of(String nl, String en) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("nl", nl);
        map.put("en", en);
        return new LocalizedText(map);
    }

    /** Text written by a person: shown as it is, whatever the language. */
    public static LocalizedText verbatim(String text) {
        return new LocalizedText(Map.of(ANY, text));
    }

    public String in(String language) {
        String value = values.get(language);
        if (value != null) {
            return value;
        }
        value = values.get(ANY);
        if (value != null) {
            return value;
        }
        value = values.get(LANGUAGES.getFirst());
        return value != null ? value : values.values().stream().findFirst().orElse("");
    }

    public String in(Locale locale) {
        return in(locale == null ? LANGUAGES.getFirst() : locale.getLanguage());
    }

    public boolean isVerbatim() {
        return values.containsKey(ANY);
    }

    public LocalizedText map(UnaryOperator<String> perLanguage) {
        Map<String, String> mapped = new LinkedHashMap<>();
        values.forEach((language, text) -> mapped.put(language, perLanguage.apply(text)));
        return new LocalizedText(mapped);
    }

    /** Applies a language-aware transformation to every language of this text. */
    public LocalizedText mapWithLanguage(java.util.function.BiFunction<String, String, String> perLanguage) {
        Map<String, String> mapped = new LinkedHashMap<>();
        values.forEach((language, text) -> mapped.put(language, perLanguage.apply(language, text)));
        return new LocalizedText(mapped);
    }
}
