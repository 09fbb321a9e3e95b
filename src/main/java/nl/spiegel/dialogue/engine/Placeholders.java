package nl.spiegel.dialogue.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code {variable}} placeholders in script texts. {@code {variable:short}} mirrors only a short quote of a free-text
 * answer: its first sentence, or a bounded excerpt, ending in an ellipsis when something was left out.
 */
public final class Placeholders {

    /** The only format there is; anything else after ':' is reported by the validator. */
    public static final String SHORT = "short";

    /** Longest short quote in characters (code points), the ellipsis not counted. */
    public static final int SHORT_QUOTE_LENGTH = 80;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_-]*)(?::([A-Za-z]+))?}");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+(?=\\s|$)|\\n");

    /** One placeholder as written: the variable and its format ({@code null} for the whole answer). */
    public record Use(String variable, String format) {
    }

    private Placeholders() {
    }

    public static Set<String> in(LocalizedText text) {
        Set<String> names = new LinkedHashSet<>();
        uses(text).forEach(use -> names.add(use.variable()));
        return names;
    }

    public static List<Use> uses(LocalizedText text) {
        List<Use> uses = new ArrayList<>();
        if (text == null) {
            return uses;
        }
        for (String value : text.values().values()) {
            Matcher matcher = PLACEHOLDER.matcher(value);
            while (matcher.find()) {
                uses.add(new Use(matcher.group(1), matcher.group(2)));
            }
        }
        return uses;
    }

    static String fill(String template, Function<Use, String> valueOf) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = valueOf.apply(new Use(matcher.group(1), matcher.group(2)));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /**
     * A short quote of what someone wrote: the first sentence when it is short enough, otherwise the words that fit
     * in {@link #SHORT_QUOTE_LENGTH} characters. An ellipsis shows that the quote is not the whole answer.
     */
    static String shortQuote(String answer) {
        String text = answer.strip();
        Matcher end = SENTENCE_END.matcher(text);
        String first = end.find() ? text.substring(0, end.start()).strip() : text;
        String quote = first;
        if (quote.codePointCount(0, quote.length()) > SHORT_QUOTE_LENGTH) {
            quote = quote.substring(0, quote.offsetByCodePoints(0, SHORT_QUOTE_LENGTH));
            int space = quote.lastIndexOf(' ');
            if (space > SHORT_QUOTE_LENGTH / 2) {
                quote = quote.substring(0, space);
            }
            quote = quote.replaceAll("[\\s,;:\\-]+$", "");
        }
        boolean whole = quote.equals(text.replaceAll("[.!?\\s]+$", ""));
        return whole ? quote : quote + "\u2026";
    }
}
