package nl.spiegel.dialogue.engine;

import java.util.List;
import java.util.Map;

/** A test on one variable, used by branch nodes. */
public sealed interface Condition {

    String variable();

    boolean holds(Map<String, String> variables);

    record EqualsValue(String variable, String value) implements Condition {
        public boolean holds(Map<String, String> variables) {
            return value.equals(variables.get(variable));
        }
    }

    record InValues(String variable, List<String> values) implements Condition {
        public InValues {
            values = List.copyOf(values);
        }

        public boolean holds(Map<String, String> variables) {
            // List.copyOf lists refuse contains(null); a variable that is not set matches no value
            String value = variables.get(variable);
            return value != null && values.contains(value);
        }
    }

    record Filled(String variable, boolean filled) implements Condition {
        public boolean holds(Map<String, String> variables) {
            String value = variables.get(variable);
            boolean isFilled = value != null && !value.isBlank();
            return isFilled == filled;
        }
    }

    /** The free-text answer is longer than {@code chars} characters (code points). */
    record LongerThan(String variable, int chars) implements Condition {
        public boolean holds(Map<String, String> variables) {
            String value = variables.get(variable);
            return value != null && value.codePointCount(0, value.length()) > chars;
        }
    }

    /** The free-text answer is shorter than {@code chars} characters (code points); a missing answer counts as 0. */
    record ShorterThan(String variable, int chars) implements Condition {
        public boolean holds(Map<String, String> variables) {
            String value = variables.getOrDefault(variable, "");
            return value.codePointCount(0, value.length()) < chars;
        }
    }

    /**
     * The free-text answer was read at this risk level or higher. The level is recorded by the engine under
     * {@link #riskKey(String)} when the service passes one in; an answer without a recorded level counts as "none".
     */
    record RiskAtLeast(String variable, String level) implements Condition {

        /** Risk levels from low to high, as the risk module names them in lower case. */
        public static final List<String> LEVELS = List.of("none", "concern", "crisis");

        public boolean holds(Map<String, String> variables) {
            int recorded = LEVELS.indexOf(variables.getOrDefault(riskKey(variable), "none"));
            return recorded >= LEVELS.indexOf(level);
        }
    }

    /** Where the risk level of a free-text answer is kept; '#' cannot occur in a script's variable names. */
    static String riskKey(String variable) {
        return variable + "#risk";
    }
}
