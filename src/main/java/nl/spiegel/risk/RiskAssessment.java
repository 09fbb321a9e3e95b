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
}
