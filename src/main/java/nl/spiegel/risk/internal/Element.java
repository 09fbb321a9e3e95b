package nl.spiegel.risk.internal;

import java.util.BitSet;

/** One position of a pattern: a set of lexicon terms, optionally also "a number" or "a number of at least 8". */
final class Element {
    /** "#MANY": a count that turns taking pills into an overdose; single digits are normal doses. */
    static final long MANY = 8;
    final BitSet terms;
    final boolean anyNumber;
    final boolean manyNumber;
    /** The term ids as an array when there are few, because probing a few bits beats intersecting whole sets. */
    final int[] few;

    Element(BitSet terms, boolean anyNumber, boolean manyNumber) {
        this.terms = terms;
        this.anyNumber = anyNumber;
        this.manyNumber = manyNumber;
        this.few = terms.cardinality() <= 24 ? terms.stream().toArray() : null;
    }

    /** Whether some token of the message could match, given the set of term ids present in it. */
    boolean possible(BitSet present, boolean anyNumberPresent, boolean manyNumberPresent) {
        if ((anyNumber && anyNumberPresent) || (manyNumber && manyNumberPresent)) {
            return true;
        }
        if (few != null) {
            for (int id : few) {
                if (present.get(id)) {
                    return true;
                }
            }
            return false;
        }
        return terms.intersects(present);
    }

    /**
     * Whether token {@code i} is a word of this element: as read, or with {@code alternatives} in any reading of a
     * stretched word.
     */
    boolean matches(Tokens t, int i, boolean alternatives) {
        return matches(t, i, alternatives ? t.wordIds[i] : t.termIds[i]);
    }

    /** Whether token {@code i} as read is a word of this element (reserved groups: negators, subjects, breaks). */
    boolean matchesAsRead(Tokens t, int i) {
        return matches(t, i, t.termIds[i]);
    }

    private boolean matches(Tokens t, int i, int[] ids) {
        long n = t.number[i];
        if (n >= 0 && (anyNumber || (manyNumber && n >= MANY))) {
            return true;
        }
        for (int id : ids) {
            if (terms.get(id)) {
                return true;
            }
        }
        return false;
    }

    Element union(Element other) {
        BitSet b = (BitSet) terms.clone();
        b.or(other.terms);
        return new Element(b, anyNumber || other.anyNumber, manyNumber || other.manyNumber);
    }

    static Element empty() {
        return new Element(new BitSet(), false, false);
    }
}
