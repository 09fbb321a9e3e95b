package nl.spiegel.escalation;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

import nl.spiegel.risk.RiskKind;
import nl.spiegel.risk.RiskLevel;

/**
 * How Spiegel answers a risky message, chosen from the detector's result: each kind of risk first gets what it needs
 * most (a wound care, a person in danger safety, a medical emergency 112) and its own order of contacts. Pure Java.
 */
public enum SafetyFlow {
    /** Thoughts of suicide or of being dead, and what is not specific enough for another flow: 113 and the questions. */
    SUICIDE,
    /** Self-harm: first whether the wound needs care now; 113 and the questions only with suicidal signs. */
    SELF_HARM,
    /** Violence or danger from someone: "are you safe now?", 112 or Veilig Thuis, and a quick exit. */
    ABUSE,
    /** Thoughts or intent of harming someone else: calmly, 112 when it may happen now, else huisarts or 113. */
    HARM_TO_OTHERS,
    /** A medical emergency: 112 first, nothing in between. */
    MEDICAL,
    /** Voices or acute confusion: calm words, huisarts(post) or 112 when the voices command harm. */
    PSYCHOSIS,
    /** Only the learned model or earlier messages gave the signal: one gentle question inside the dialogue. */
    CHECK_IN;

    /**
     * @param ruleIds the rule ids of the message as stored ({@code nl.crisis.selfharm-now}); the level part of each
     *                id tells which rules gave the final level
     */
    public static SafetyFlow choose(RiskLevel level, Collection<String> ruleIds) {
        if (level != RiskLevel.CRISIS && !reviewedRule(ruleIds)) {
            // the model alone never starts a crisis flow; a CRISIS without a reviewed rule is still taken seriously
            return CHECK_IN;
        }
        return switch (kind(level, ruleIds)) {
            case MEDICAL -> MEDICAL;
            case ABUSE -> ABUSE;
            case HARM_TO_OTHERS -> HARM_TO_OTHERS;
            case SELF_HARM -> SELF_HARM;
            case PSYCHOSIS -> PSYCHOSIS;
            default -> SUICIDE;
        };
    }

    /** The most urgent kind among the rules that gave the level (the level is part of each rule id). */
    public static RiskKind kind(RiskLevel level, Collection<String> ruleIds) {
        String marker = "." + level.code() + ".";
        List<String> atLevel = ruleIds.stream().filter(id -> id.contains(marker)).toList();
        return RiskKind.mostUrgent(atLevel.isEmpty() ? ruleIds : atLevel);
    }

    /** True when any rule speaks of suicide or of being dead: then the follow-up questions are asked in any flow. */
    public static boolean suicidalSigns(Collection<String> ruleIds) {
        return ruleIds.stream().anyMatch(id -> !RiskKind.isModifier(id) && RiskKind.ofRule(id) == RiskKind.SUICIDE);
    }

    private static boolean reviewedRule(Collection<String> ruleIds) {
        return ruleIds.stream().anyMatch(id -> !RiskKind.isModifier(id) && !id.startsWith("model.")
                && !id.startsWith("context."));
    }

    /** Whether the follow-up questions about suicide belong in this flow for this message. */
    public boolean asksQuestions(Collection<String> ruleIds) {
        return switch (this) {
            case SUICIDE -> true;
            // 112 first and nothing in between; the check-in never asks the full questions
            case MEDICAL, CHECK_IN -> false;
            default -> suicidalSigns(ruleIds);
        };
    }

    /**
     * The order of the crisis contacts in this flow.
     *
     * @param urgent danger now: a crisis-level message, or the person's answer (not safe, a serious wound)
     */
    public List<ContactPurpose> contactOrder(boolean urgent) {
        return switch (this) {
            case SUICIDE, CHECK_IN -> List.of(ContactPurpose.SUICIDE_LINE, ContactPurpose.EMERGENCY,
                    ContactPurpose.GP, ContactPurpose.ABUSE_LINE);
            case SELF_HARM -> urgent
                    ? List.of(ContactPurpose.EMERGENCY, ContactPurpose.GP, ContactPurpose.SUICIDE_LINE)
                    : List.of(ContactPurpose.GP, ContactPurpose.SUICIDE_LINE, ContactPurpose.EMERGENCY);
            case ABUSE -> urgent
                    ? List.of(ContactPurpose.EMERGENCY, ContactPurpose.ABUSE_LINE, ContactPurpose.GP,
                            ContactPurpose.SUICIDE_LINE)
                    : List.of(ContactPurpose.ABUSE_LINE, ContactPurpose.EMERGENCY, ContactPurpose.GP,
                            ContactPurpose.SUICIDE_LINE);
            case HARM_TO_OTHERS, PSYCHOSIS -> urgent
                    ? List.of(ContactPurpose.EMERGENCY, ContactPurpose.GP, ContactPurpose.SUICIDE_LINE)
                    : List.of(ContactPurpose.GP, ContactPurpose.SUICIDE_LINE, ContactPurpose.EMERGENCY);
            case MEDICAL -> List.of(ContactPurpose.EMERGENCY, ContactPurpose.GP, ContactPurpose.SUICIDE_LINE);
        };
    }

    /** Used in translation keys ({@code safety.flow.self-harm.title}) and as a data attribute for tests. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
