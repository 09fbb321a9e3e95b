package nl.spiegel.risk;

import java.util.Collection;
import java.util.List;

/**
 * What earlier messages of the same conversation showed, so one message is not read alone: a second worrying
 * message about life itself after an earlier one weighs more, and a figure of speech right after a crisis message is
 * not taken lightly.
 *
 * @param highest     the highest level any earlier message of the conversation had
 * @param earlierRules the rule ids of those earlier messages that were at least concern
 */
public record RiskContext(RiskLevel highest, List<String> earlierRules) {
    public static final RiskContext NONE = new RiskContext(RiskLevel.NONE, List.of());

    public RiskContext {
        java.util.Objects.requireNonNull(highest, "highest");
        earlierRules = List.copyOf(earlierRules);
    }

    /** Builds the context from the stored assessments of earlier messages (their levels and rule ids). */
    public static RiskContext of(Collection<RiskLevel> levels, Collection<List<String>> rules) {
        RiskLevel highest = RiskLevel.NONE;
        for (RiskLevel l : levels) {
            highest = RiskLevel.max(highest, l);
        }
        return new RiskContext(highest, rules.stream().flatMap(List::stream).distinct().toList());
    }

    /** True when an earlier message already showed thoughts of dying or suicide (from a rule, not the model). */
    boolean earlierSuicideSignal() {
        return earlierRules.stream().anyMatch(id -> !id.startsWith("model.") && !RiskKind.isModifier(id)
                && RiskKind.ofRule(id) == RiskKind.SUICIDE);
    }
}
