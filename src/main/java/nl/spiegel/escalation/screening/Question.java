package nl.spiegel.escalation.screening;

import java.util.Arrays;

/**
 * The follow-up questions after a risk signal, modelled on the Columbia (C-SSRS) screener. The wording lives in the
 * translation bundles under {@link #messageKey()}.
 */
public enum Question {
    /** 1. Wished to be dead, or to sleep and not wake up, in the past month. */
    WISH_TO_BE_DEAD("q1"),
    /** 2. Actual thoughts of killing oneself in the past month. */
    SUICIDAL_THOUGHTS("q2"),
    /** 3. Thought about how. */
    THOUGHT_OF_HOW("q3"),
    /** 4. Some intention of acting on the thoughts. */
    INTENT("q4"),
    /** 5. Worked out the details and intends to carry it out. */
    PLAN_AND_INTENT("q5"),
    /** 6. Ever done, started or prepared anything to end one's life. */
    BEHAVIOUR("q6"),
    /** Follow-up of 6: was that in the past three months? */
    BEHAVIOUR_RECENT("q6-recent");

    private final String code;

    Question(String code) {
        this.code = code;
    }

    /** Stable name used in stored answers; never changes once released. */
    public String code() {
        return code;
    }

    public String messageKey() {
        return "screening." + code;
    }

    public static Question fromCode(String code) {
        return Arrays.stream(values()).filter(question -> question.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown screening question " + code));
    }
}
