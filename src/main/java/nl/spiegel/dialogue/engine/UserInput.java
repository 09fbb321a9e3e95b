package nl.spiegel.dialogue.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a person gave in reply to the node that is waiting. */
public sealed interface UserInput {

    record Text(String text) implements UserInput {
    }

    record Choice(String value) implements UserInput {
    }

    /**
     * A filled-in questionnaire: item id to the chosen value; a skipped item is left out.
     */
    record Answers(Map<String, Integer> values) implements UserInput {
        public Answers {
            Map<String, Integer> answered = new LinkedHashMap<>();
            values.forEach((item, value) -> {
                if (value != null) {
                    answered.put(item, value);
                }
            });
            values = java.util.Collections.unmodifiableMap(answered);
        }

        /** A compact form to keep the answers while the dialogue waits, for example during a safety pause. */
        public String encode() {
            StringBuilder out = new StringBuilder();
            values.forEach((item, value) -> out.append(out.isEmpty() ? "" : ";").append(item).append('=').append(value));
            return out.toString();
        }

        public static Answers decode(String encoded) {
            Map<String, Integer> values = new LinkedHashMap<>();
            if (encoded != null && !encoded.isBlank()) {
                for (String pair : encoded.split(";")) {
                    int equals = pair.indexOf('=');
                    values.put(pair.substring(0, equals), Integer.valueOf(pair.substring(equals + 1)));
                }
            }
            return new Answers(values);
        }
    }
}
