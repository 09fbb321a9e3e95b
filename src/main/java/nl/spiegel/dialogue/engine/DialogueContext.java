package nl.spiegel.dialogue.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Variables Spiegel fills in itself when a dialogue starts, from what the person did outside it. A script may test
 * them in a condition ({@code equals}, {@code in}, {@code filled}) but not show them, set them or summarise them; they
 * are empty when there is nothing to refer to, so every use needs a text for that case too.
 */
public final class DialogueContext {

    /**
     * How the newest "how did it go?" answer on an exercise turned out, when it is recent: {@code well},
     * {@code partly} or {@code not}.
     */
    public static final String LAST_FOLLOWUP = "last-followup";

    /** Every context variable with the values it can take. */
    public static final Map<String, List<String>> VARIABLES = Map.of(LAST_FOLLOWUP, List.of("well", "partly", "not"));

    private DialogueContext() {
    }

    /** Only known variables with known values: anything else is dropped, so a script never sees a surprise. */
    static Map<String, String> checked(Map<String, String> context) {
        Map<String, String> known = new HashMap<>();
        context.forEach((name, value) -> {
            if (VARIABLES.getOrDefault(name, List.of()).contains(value)) {
                known.put(name, value);
            }
        });
        return known;
    }
}
