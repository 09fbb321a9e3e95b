package nl.spiegel.risk.internal;

import java.util.List;
import java.util.Map;
import nl.spiegel.risk.RiskLevel;

/**
 * One language's lexicon file as written by a reviewer, before compilation. See the header of
 * {@code risk/nl.yaml} for the format.
 */
public record LexiconSpec(String source, int version, String language, Map<String, String[]> spelling,
                          List<String> typos, Map<String, List<String>> groups, Map<String, List<String>> markers,
                          List<RuleSpec> rules, List<IdiomSpec> idioms) {

    /**
     * A rule that raises the level.
     *
     * @param others         level when the subject is someone else; null means CONCERN at most
     * @param othersImminent level when the subject is someone else and an IMMINENT word is in the sentence
     * @param past           level when a PAST word is in the sentence (a history, not now)
     * @param recent         level when a RECENT word is in the sentence (just now, last night)
     * @param withMeans      level when the message also names a means (pills, rope, 💊) that is not negated
     * @param negatable      whether a first-person denial can cancel or soften it
     * @param idiomable      whether an idiom frame can lower it (not for method questions: "for a story" is no
     *                       reason to answer them)
     * @param suppresses     rule ids cancelled in the same sentence when this rule matches
     */
    public record RuleSpec(String id, RiskLevel level, RiskLevel others, RiskLevel othersImminent, RiskLevel past,
                           RiskLevel recent, RiskLevel withMeans, boolean negatable, boolean idiomable,
                           List<String> suppresses,
                           List<String> patterns) {
    }

    /** A frame that makes a trigger harmless ("dood van het lachen"), lowering it to {@code to}. */
    public record IdiomSpec(String id, RiskLevel to, List<String> patterns) {
    }
}
