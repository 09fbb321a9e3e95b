package nl.spiegel.dialogue;

import java.time.Instant;
import java.util.Arrays;

/**
 * The answer to "how did it go?" after trying an exercise, with an optional short note (empty when none). A later
 * dialogue may refer to the outcome of the newest one (see {@link nl.spiegel.dialogue.engine.DialogueContext}).
 */
public record ExerciseFollowUp(Outcome outcome, String note, Instant at) {

    public enum Outcome {
        WELL("well"), PARTLY("partly"), NOT("not");

        private final String code;

        Outcome(String code) {
            this.code = code;
        }

        /** The stable code, as stored and as a script tests it. */
        public String code() {
            return code;
        }

        public static Outcome ofCode(String code) {
            return Arrays.stream(values()).filter(outcome -> outcome.code.equals(code)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no outcome " + code));
        }
    }
}
