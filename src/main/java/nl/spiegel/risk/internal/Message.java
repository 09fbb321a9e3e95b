package nl.spiegel.risk.internal;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import nl.spiegel.risk.internal.HitFinder.Hit;
import nl.spiegel.risk.internal.RuleSet.Reserved;

/** Per-message derived facts: sentence spans, clause numbers with conjunction breaks, marked tokens. */
final class Message {
    private final RuleSet set;
    final Tokens t;
    final int[] sentenceStart;
    final int[] sentenceEnd;
    /** Clauses for negation scope: punctuation plus BREAK words ("maar", "but", "because"). */
    final int[] negClause;
    /** Clauses for finding the subject: also SUBCLAUSE words ("dat", "that"). */
    final int[] actorClause;
    final Map<String, BitSet> marked = new HashMap<>();
    /** Language of each token's clause (index into languages), or languages.size() when unclear. */
    final int[] lang;

    Message(RuleSet set, Tokens t, int hint) {
        this.set = set;
        this.t = t;
        int n = t.size;
        lang = clauseLanguages(set, t, hint);
        sentenceStart = new int[n];
        sentenceEnd = new int[n];
        negClause = new int[n];
        actorClause = new int[n];
        int s = 0;
        int nc = 0;
        int ac = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || t.sentence[i] != t.sentence[i - 1]) {
                s = i;
            }
            sentenceStart[i] = s;
            if (i > 0 && t.clause[i] != t.clause[i - 1]) {
                nc++;
                ac++;
            } else if (i > 0 && is(Reserved.BREAK, i)) {
                nc++;
                ac++;
            } else if (i > 0 && is(Reserved.SUBCLAUSE, i)) {
                ac++;
            }
            negClause[i] = nc;
            actorClause[i] = ac;
        }
        int e = n;
        for (int i = n - 1; i >= 0; i--) {
            if (i == n - 1 || t.sentence[i] != t.sentence[i + 1]) {
                e = i + 1;
            }
            sentenceEnd[i] = e;
        }
    }

    void mark(String marker, Hit h) {
        BitSet b = marked.computeIfAbsent(marker, x -> new BitSet());
        for (int u : h.used()) {
            b.set(u);
        }
    }

    /** First token in [from, to] (clipped to the sentence of {@code at}) carrying the marker, or -1. */
    int marked(String marker, int at, int from, int to) {
        BitSet b = marked.get(marker);
        if (b == null) {
            return -1;
        }
        int lo = Math.max(from, sentenceStart[at]);
        int hi = Math.min(to, sentenceEnd[at] - 1);
        int i = b.nextSetBit(lo);
        return i >= 0 && i <= hi ? i : -1;
    }

    /** Whether token i belongs to a reserved group of its clause's language. */
    boolean is(Reserved group, int i) {
        return set.reserved[group.ordinal()][lang[i]].matchesAsRead(t, i);
    }

    boolean endsClause(int last) {
        int end = sentenceEnd[last];
        for (int j = last + 1; j < end; j++) {
            if (t.clause[j] != t.clause[last] || is(Reserved.BREAK, j)) {
                return true;
            }
            boolean emoji = !Character.isLetterOrDigit(t.term[j].codePointAt(0));
            if (!emoji && !is(Reserved.FILLER, j)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Guesses the language of each punctuation clause from its function words ("ik", "het", "niet" against "i",
     * "the", "not"); a tie falls back to the message as a whole, then to the caller's hint, then to "unclear", where
     * the reserved groups of all languages apply.
     */
    private static int[] clauseLanguages(RuleSet set, Tokens t, int hint) {
        int langs = set.languages.size();
        int[] out = new int[t.size];
        int[] total = new int[langs];
        Map<Integer, int[]> perClause = new HashMap<>();
        for (int i = 0; i < t.size; i++) {
            int[] counts = perClause.computeIfAbsent(t.clause[i], k -> new int[langs]);
            for (int l = 0; l < langs; l++) {
                if (set.reserved[Reserved.FUNCTION.ordinal()][l].matchesAsRead(t, i)) {
                    counts[l]++;
                    total[l]++;
                }
            }
        }
        int messageLang = best(total, hint < 0 ? langs : hint);
        for (int i = 0; i < t.size; i++) {
            out[i] = best(perClause.get(t.clause[i]), messageLang);
        }
        return out;
    }

    private static int best(int[] counts, int tie) {
        int best = -1;
        int bestCount = 0;
        boolean tied = false;
        for (int l = 0; l < counts.length; l++) {
            if (counts[l] > bestCount) {
                best = l;
                bestCount = counts[l];
                tied = false;
            } else if (counts[l] == bestCount && bestCount > 0) {
                tied = true;
            }
        }
        return best < 0 || tied ? tie : best;
    }
}
