package nl.spiegel.risk.internal;

import java.util.List;
import java.util.Set;

/**
 * Corrects one typo (insertion, deletion, substitution or swap of two neighbours) in long words that the lexicon
 * marks as worth it ("suicdie", "zelfmoort", "suicidle"). Limited to words of six letters or more, because shorter
 * words have too many real neighbours ("dood" versus "door", "dook").
 */
final class TypoCorrector {
    static final int MIN_LENGTH = 6;
    private final List<String> targets;
    private final Set<String> known;

    TypoCorrector(List<String> targets, Set<String> known) {
        this.targets = List.copyOf(targets);
        this.known = known;
    }

    /** The corrected word, or null when the word is known already or no target is one edit away. */
    String correct(String word) {
        int len = word.length();
        if (len < MIN_LENGTH - 1 || known.contains(word)) {
            return null;
        }
        for (String target : targets) {
            int tl = target.length();
            // compounds such as "zelfmoortgedachten": correct the head and keep the rest
            if (word.startsWith(target)) {
                continue;
            }
            if (len >= tl + 3 && word.charAt(0) == target.charAt(0)) {
                // a substitution first: "zelfmoortgedachten" is "zelfmoord" + "gedachten", not "zelfmoor" + "tgedachten"
                for (int cut : new int[] {tl, tl + 1, tl - 1}) {
                    if (len - cut < 4) {
                        continue;
                    }
                    String head = word.substring(0, cut);
                    if (!head.equals(target) && withinOneEdit(head, target)) {
                        return target + word.substring(cut);
                    }
                }
            }
            if (Math.abs(len - tl) <= 1 && (word.charAt(0) == target.charAt(0) || word.charAt(len - 1) == target.charAt(tl - 1))
                    && !word.equals(target) && withinOneEdit(word, target)) {
                return target;
            }
        }
        return null;
    }

    /** Optimal string alignment distance of at most one. */
    static boolean withinOneEdit(String a, String b) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > 1) {
            return false;
        }
        int i = 0;
        while (i < la && i < lb && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (i == la && i == lb) {
            return true;
        }
        if (la == lb) {
            if (a.substring(i + 1).equals(b.substring(i + 1))) {
                return true;
            }
            return i + 1 < la && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                    && a.substring(i + 2).equals(b.substring(i + 2));
        }
        return la > lb ? a.substring(i + 1).equals(b.substring(i)) : a.substring(i).equals(b.substring(i + 1));
    }
}
