package nl.spiegel.risk;

import java.util.Collection;
import java.util.List;

/**
 * What kind of risk a rule speaks of, so the product can answer each in its own way (a wound first needs care, a
 * person in danger at home first needs to be safe, a medical emergency needs 112 before anything else).
 *
 * <p>The kind is part of the rule id's family ({@code nl.crisis.selfharm-now} is {@link #SELF_HARM}); the learned
 * backstop cannot tell kinds apart and gives {@link #UNCLEAR}.
 */
public enum RiskKind {
    MEDICAL,
    ABUSE,
    HARM_TO_OTHERS,
    PSYCHOSIS,
    SELF_HARM,
    SUICIDE,
    EATING,
    SUBSTANCE,
    UNCLEAR;

    /** The family part of a rule id: {@code nl.crisis.explicit-wish} gives {@code explicit-wish}, model ids {@code model}. */
    public static String family(String ruleId) {
        if (ruleId.startsWith("model.")) {
            return "model";
        }
        int dot = ruleId.lastIndexOf('.');
        return dot < 0 ? ruleId : ruleId.substring(dot + 1);
    }

    /** The kind a rule id speaks of; modifiers and unknown families give {@link #UNCLEAR}. */
    public static RiskKind ofRule(String ruleId) {
        return switch (family(ruleId)) {
            case "medical", "medical-now" -> MEDICAL;
            case "danger-now", "danger-signs", "abuse-past", "told-to-die" -> ABUSE;
            case "harm-others", "harm-plan", "intrusive-harm" -> HARM_TO_OTHERS;
            case "selfharm-now", "selfharm-signs", "past-harm" -> SELF_HARM;
            case "command-voices", "voices" -> PSYCHOSIS;
            case "explicit-wish", "plan", "preparation", "method-question", "method-seeking", "means-action",
                 "attempt", "attempt-recent", "plan-time", "thirdparty-danger", "passive-wish", "death-field", "burden", "hopeless", "suicide-mention", "farewell",
                 "means-place", "finality", "final-acts", "last-steps", "told-plans" -> SUICIDE;
            case "eating" -> EATING;
            case "substance" -> SUBSTANCE;
            default -> UNCLEAR;
        };
    }

    /** True for ids of modifiers ({@code nl.modifier.denial}), which change a rule's level but name no kind. */
    public static boolean isModifier(String ruleId) {
        return ruleId.contains(".modifier.");
    }

    /**
     * The kind to answer first among rule ids of the same level: the most urgent by declaration order (medical
     * emergency, danger from someone, harm to others, voices commanding harm, self-harm, suicide, eating,
     * substance; voices before self-harm because "the voices tell me to cut" needs the psychosis answer), or
     * {@link #UNCLEAR} when no rule names a kind.
     */
    public static RiskKind mostUrgent(Collection<String> ruleIds) {
        RiskKind best = UNCLEAR;
        for (String id : ruleIds) {
            RiskKind k = ofRule(id);
            if (k.compareTo(best) < 0) {
                best = k;
            }
        }
        return best;
    }

    /** Kinds in the order they are answered. */
    public static List<RiskKind> byUrgency() {
        return List.of(values());
    }
}
