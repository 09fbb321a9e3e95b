package nl.spiegel.risk.internal;

import java.util.List;
import java.util.Set;
import nl.spiegel.risk.RiskLevel;
import nl.spiegel.risk.internal.LexiconSpec.RuleSpec;

/**
 * The compiled lexicons of all languages: rules, idioms and markers with their patterns, the anchor index from a
 * word to the patterns that start with it, and the word groups the engine itself reads. Immutable.
 */
final class RuleSet {
    static final int MAX_PATTERNS_PER_RULE = 1024;

    /** Word groups the engine itself reads; their meaning is documented in the header of risk/nl.yaml. */
    enum Reserved {
        NEG, HEDGE_NEAR, FIRST, FIRST_SELF, OTHER, OTHER_PRONOUN, OTHER_SELF, BREAK, SUBCLAUSE, FILLER, MEANS, NO_MEANS,
        PLANNED, PREPOSITION, FUNCTION
    }

    /** A rule, idiom or marker after compilation. */
    record Rule(String id, String language, Kind kind, RuleSpec spec, RiskLevel idiomTo, String marker,
                CompiledPattern[] patterns, Set<String> suppresses) {
    }

    enum Kind { TRIGGER, IDIOM, MARKER }

    final List<Rule> rules;
    /** Term id -> (rule * MAX_PATTERNS_PER_RULE + pattern) of every pattern whose first element holds the term. */
    final int[][] anchors;
    final int[] numberAnchors;
    /** Reserved groups per language (index as in {@link #languages}), so Dutch "want" (because) never splits an English clause. */
    final Element[][] reserved;
    final List<String> languages;
    final List<String> versions;
    /** Dense index of each rule's first pattern, so per-message state is one small array, not rules × 256. */
    final int[] patternOffset;
    final int patternCount;

    RuleSet(List<Rule> rules, int[][] anchors, int[] numberAnchors, Element[][] reserved, List<String> languages,
            List<String> versions) {
        this.rules = rules;
        this.anchors = anchors;
        this.numberAnchors = numberAnchors;
        this.reserved = reserved;
        this.languages = languages;
        this.versions = versions;
        this.patternOffset = new int[rules.size()];
        int total = 0;
        for (int r = 0; r < rules.size(); r++) {
            patternOffset[r] = total;
            total += rules.get(r).patterns().length;
        }
        this.patternCount = total;
    }

    Rule rule(int index) {
        return rules.get(index);
    }
}
