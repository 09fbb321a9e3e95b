package nl.spiegel.risk.internal;

import java.util.ArrayList;
import java.util.BitSet;
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
    /** Term id -> dense index of every pattern whose first element holds the term. */
    final int[][] anchors;
    final int[] numberAnchors;
    /** Reserved groups per language (index as in {@link #languages}), so Dutch "want" (because) never splits an English clause. */
    final Element[][] reserved;
    final List<String> languages;
    final List<String> versions;
    /** Every pattern of every rule by dense index, and the rule each belongs to. */
    final CompiledPattern[] patterns;
    final int[] ruleOf;
    final int patternCount;
    /**
     * Term id -> dense index of every pattern whose most specific element holds the term. A pattern can only match a
     * message that has one of those terms, so this one lookup per word rules out most patterns before any is tried.
     */
    final int[][] triggers;
    /** Patterns whose most specific element also takes a number: always tried. */
    final BitSet triggeredByNumbers;

    RuleSet(List<Rule> rules, int[][] anchors, int[] numberAnchors, Element[][] reserved, List<String> languages,
            List<String> versions) {
        this.rules = rules;
        this.anchors = anchors;
        this.numberAnchors = numberAnchors;
        this.reserved = reserved;
        this.languages = languages;
        this.versions = versions;
        int total = 0;
        for (Rule r : rules) {
            total += r.patterns().length;
        }
        this.patternCount = total;
        this.patterns = new CompiledPattern[total];
        this.ruleOf = new int[total];
        this.triggeredByNumbers = new BitSet(total);
        List<List<Integer>> byTerm = new ArrayList<>();
        for (int i = 0; i < anchors.length; i++) {
            byTerm.add(new ArrayList<>());
        }
        // how many pattern positions use each word: glue words ("ik", "to", "my") are in hundreds, and are common in
        // messages too, so the position whose words are used least is the best trigger
        int[] uses = new int[anchors.length];
        for (Rule r : rules) {
            for (CompiledPattern p : r.patterns()) {
                for (Element e : p.elements) {
                    e.terms.stream().forEach(id -> uses[id]++);
                }
            }
        }
        int dense = 0;
        for (int r = 0; r < rules.size(); r++) {
            for (CompiledPattern p : rules.get(r).patterns()) {
                patterns[dense] = p;
                ruleOf[dense] = r;
                Element trigger = leastUsed(p, uses);
                if (trigger.anyNumber || trigger.manyNumber) {
                    triggeredByNumbers.set(dense);
                }
                for (int id = trigger.terms.nextSetBit(0); id >= 0; id = trigger.terms.nextSetBit(id + 1)) {
                    byTerm.get(id).add(dense);
                }
                dense++;
            }
        }
        this.triggers = LexiconCompiler.toArrays(byTerm);
    }

    private static Element leastUsed(CompiledPattern p, int[] uses) {
        Element best = null;
        long bestScore = Long.MAX_VALUE;
        for (Element e : p.elements) {
            long score = e.anyNumber || e.manyNumber ? Long.MAX_VALUE / 2 : 0;
            for (int id = e.terms.nextSetBit(0); id >= 0; id = e.terms.nextSetBit(id + 1)) {
                score += uses[id];
            }
            if (score < bestScore) {
                best = e;
                bestScore = score;
            }
        }
        return best;
    }

    Rule rule(int index) {
        return rules.get(index);
    }
}
