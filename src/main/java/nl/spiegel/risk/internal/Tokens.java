package nl.spiegel.risk.internal;

/**
 * The analysed form of one message: parallel arrays, one slot per token, because the matcher walks them millions of
 * times a second and objects per token would dominate the cost.
 */
public final class Tokens {
    final int size;
    /** Normalised surface form: lower-case, ASCII-folded, chat spelling expanded, repeats collapsed. */
    final String[] term;
    final String[] nlStem;
    final String[] enStem;
    final int[] start;
    final int[] end;
    /** Sentence number, from punctuation and line breaks in the original text. */
    final int[] sentence;
    /** Clause number from punctuation only; the matcher adds breaks at conjunctions from the lexicon. */
    final int[] clause;
    /** Numeric value of number tokens, -1 for other tokens. */
    final long[] number;
    /** True when the text wrote digits for letters or stretched letters, so a bolder reading is worth assessing. */
    boolean disguised;
    /** Ids of the lexicon terms this token matches, filled by the vocabulary. */
    final int[][] termIds;
    /**
     * Other readings of a stretched word ("tooooo" is "too" or "to", "neeeet" is "neet" or "net"), null for most
     * tokens: a run of letters may stand for one or two, and one reading per message cannot be right for every word.
     */
    final String[][] alternatives;
    /**
     * What pattern words may match: {@link #termIds} plus the ids of the alternative readings. The reserved groups
     * (negators, subjects, breaks) read {@link #termIds} only, so an alternative reading never turns a word into a
     * denial ("hij heeft neeeet geslagen": "net", just, must not also read as "niet").
     */
    final int[][] wordIds;

    Tokens(int size, String[] term, String[] nlStem, String[] enStem, int[] start, int[] end, int[] sentence,
           int[] clause, long[] number) {
        this.size = size;
        this.term = term;
        this.nlStem = nlStem;
        this.enStem = enStem;
        this.start = start;
        this.end = end;
        this.sentence = sentence;
        this.clause = clause;
        this.number = number;
        this.termIds = new int[size][];
        this.alternatives = new String[size][];
        this.wordIds = new int[size][];
    }

    public boolean disguised() {
        return disguised;
    }

    public int size() {
        return size;
    }

    public String term(int i) {
        return term[i];
    }

    public String nlStem(int i) {
        return nlStem[i];
    }

    public String enStem(int i) {
        return enStem[i];
    }

    public int start(int i) {
        return start[i];
    }

    public int end(int i) {
        return end[i];
    }

    public int sentence(int i) {
        return sentence[i];
    }
}
