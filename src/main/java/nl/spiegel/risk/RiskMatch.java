package nl.spiegel.risk;

import java.util.Objects;

/**
 * One rule that fired, with the level it ended up contributing and where it sits in the original text.
 *
 * @param ruleId the lexicon rule (e.g. {@code nl.crisis.explicit-wish}) or modifier (e.g. {@code en.modifier.denial})
 * @param level  the level after negation, idiom, third-party and time modifiers; {@link RiskLevel#NONE} means the
 *               rule matched but was cancelled (kept so a reviewer can see why a message was not flagged)
 * @param start  offset of the first character (inclusive) in the text passed to {@link RiskDetector#assess}
 * @param end    offset after the last character (exclusive)
 */
public record RiskMatch(String ruleId, RiskLevel level, int start, int end) {
    public RiskMatch {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(level, "level");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }
}
