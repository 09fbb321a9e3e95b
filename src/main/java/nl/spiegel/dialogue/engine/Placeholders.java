package nl.spiegel.dialogue.engine;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code {variable}} placeholders in script texts. */
public final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_-]*)}");

    private Placeholders() {
    }

    public static Set<String> in(LocalizedText text) {
        Set<String> names = new LinkedHashSet<>();
        for (String value : text.values().values()) {
            Matcher matcher = PLACEHOLDER.matcher(value);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    static String fill(String template, Function<String, String> valueOf) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(valueOf.apply(matcher.group(1))));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
