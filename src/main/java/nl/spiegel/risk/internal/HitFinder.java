package nl.spiegel.risk.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds every rule, idiom and marker pattern in a message. Each pattern is anchored on its first word, so only
 * patterns whose first word occurs are tried, and a pattern that needs a word the message lacks is skipped at once.
 */
final class HitFinder {
    /** One match of a rule's pattern: the rule's index, its first and last token, and the tokens it used. */
    record Hit(int rule, int first, int last, int[] used) {
        boolean uses(int i) {
            for (int u : used) {
                if (u == i) {
                    return true;
                }
            }
            return false;
        }
    }

    private final RuleSet set;

    HitFinder(RuleSet set) {
        this.set = set;
    }

    /** Per-message search state: which words occur, and which patterns could possibly match. */
    private static final class Search {
        final RuleSet set;
        final Tokens t;
        final CompiledPattern.Ends ends;
        final BitSet present = new BitSet();
        boolean anyNumber;
        boolean manyNumber;
        /** Per pattern (dense index): 0 not yet known, 1 feasible, 2 impossible. */
        final byte[] feasible;
        /** Patterns whose most specific element has a word of the message: all others cannot match. */
        final BitSet candidates;
        final List<Hit> hits = new ArrayList<>();
        /** (rule, first, last) to index in hits: one hit per span, the one that explains the most words. */
        final Map<Long, Integer> seen = new HashMap<>();

        Search(RuleSet set, Message m) {
            this.set = set;
            this.feasible = new byte[set.patternCount];
            this.t = m.t;
            this.ends = (tokens, last, sentenceEnd) -> m.endsClause(last);
            this.candidates = (BitSet) set.triggeredByNumbers.clone();
            for (int i = 0; i < t.size; i++) {
                for (int id : t.wordIds[i]) {
                    if (!present.get(id)) {
                        present.set(id);
                        for (int dense : set.triggers[id]) {
                            candidates.set(dense);
                        }
                    }
                }
                anyNumber |= t.number[i] >= 0;
                manyNumber |= t.number[i] >= Element.MANY;
            }
        }
    }

    List<Hit> findHits(Message m) {
        Tokens t = m.t;
        Search search = new Search(set, m);
        for (int i = 0; i < t.size; i++) {
            int end = m.sentenceEnd[i];
            for (int id : t.wordIds[i]) {
                for (int ref : set.anchors[id]) {
                    tryPattern(search, i, end, ref);
                }
            }
            if (t.number[i] >= 0) {
                for (int ref : set.numberAnchors) {
                    tryPattern(search, i, end, ref);
                }
            }
        }
        return search.hits;
    }

    private void tryPattern(Search s, int anchor, int end, int dense) {
        if (!s.candidates.get(dense)) {
            return;
        }
        CompiledPattern p = set.patterns[dense];
        int r = set.ruleOf[dense];
        byte known = s.feasible[dense];
        if (known == 0) {
            known = p.feasible(s.present, s.anyNumber, s.manyNumber) ? (byte) 1 : (byte) 2;
            s.feasible[dense] = known;
        }
        if (known == 2) {
            return;
        }
        Tokens t = s.t;
        int[] used = p.matchAt(t, anchor, end, s.ends, set.rules.get(r).kind() == RuleSet.Kind.TRIGGER);
        if (used == null) {
            return;
        }
        int first = Integer.MAX_VALUE;
        int last = -1;
        for (int u : used) {
            first = Math.min(first, u);
            last = Math.max(last, u);
        }
        long key = ((long) r << 40) | ((long) first << 20) | last;
        Integer previous = s.seen.get(key);
        if (previous == null) {
            s.seen.put(key, s.hits.size());
            s.hits.add(new Hit(r, first, last, used));
        } else if (s.hits.get(previous).used().length < used.length) {
            // "so I don't gain": the variant that also consumed the negator is the right reading
            s.hits.set(previous, new Hit(r, first, last, used));
        }
    }
}
