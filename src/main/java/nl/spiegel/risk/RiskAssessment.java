package nl.spiegel.risk;

import java.util.List;
import java.util.Objects;

/**
 * The outcome for one message.
 *
 * @param level   the highest level over all sentences of the message
 * @param matches every rule and modifier that matched, in text order, including cancelled ones (level NONE)
 * @param ruleIds distinct ids of the matches that contribute a level of at least CONCERN, plus the modifiers that
 *                changed those; empty when the level is NONE
 */
public record RiskAssessment(RiskLevel level, List<RiskMatch> matches, List<String> ruleIds) {
    public RiskAssessment {
        Objects.requireNonNull(level, "level");
        matches = List.copyOf(matches);
        ruleIds = List.copyOf(ruleIds);
    }

    public static RiskAssessment none() {
        return new RiskAssessment(RiskLevel.NONE, List.of(), List.of());
    }

    public boolean isAtLeast(RiskLevel other) {
        return level.isAtLeast(other);
    }

    /**
     * {@link RiskConfidence#LOW} when no reviewed rule but only the learned backstop or the earlier conversation
     * raised the level: the product then asks one gentle check-in question instead of starting the crisis flow.
     */
    public RiskConfidence confidence() {
        for (String id : ruleIds) {
            if (!RiskKind.isModifier(id) && !id.startsWith("model.") && !id.startsWith("context.")) {
                return RiskConfidence.HIGH;
            }
        }
        return level == RiskLevel.NONE ? RiskConfidence.HIGH : RiskConfidence.LOW;
    }

    /** The kind of risk to answer first: the most urgent kind among the rules that gave the final level. */
    public RiskKind primaryKind() {
        List<String> atLevel = new java.util.ArrayList<>();
        for (RiskMatch m : matches) {
            if (m.level() == level && level != RiskLevel.NONE) {
                atLevel.add(m.ruleId());
            }
        }
        return RiskKind.mostUrgent(atLevel);
    }

    /** Every kind of risk among the rules that contribute, most urgent first. */
    public List<RiskKind> kinds() {
        java.util.EnumSet<RiskKind> kinds = java.util.EnumSet.noneOf(RiskKind.class);
        for (String id : ruleIds) {
            if (!RiskKind.isModifier(id)) {
                kinds.add(RiskKind.ofRule(id));
            }
        }
        if (kinds.size() > 1) {
            kinds.remove(RiskKind.UNCLEAR);
        }
        return List.copyOf(kinds);
    }

    /** Rule families that contribute ({@code explicit-wish}, {@code denial}, {@code model}), to name them in words. */
    public List<String> families() {
        return ruleIds.stream().map(RiskKind::family).distinct().toList();
    }
}
