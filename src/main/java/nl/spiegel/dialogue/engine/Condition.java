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
            return values.contains(variables.get(variable));
        }
    }

    record Filled(String variable, boolean filled) implements Condition {
        public boolean holds(Map<String, String> variables) {
            String value = variables.get(variable);
            boolean isFilled = value != null && !value.isBlank();
            return isFilled == filled;
        }
    }
}
