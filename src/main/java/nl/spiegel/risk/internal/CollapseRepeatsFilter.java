package nl.spiegel.risk.internal;

import java.io.IOException;
import java.util.function.Predicate;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Collapses runs of three or more equal letters ("dooooood", "wiiiil", "dieeee"). Neither Dutch nor English writes a
 * letter three times in a row, so such a run is emphasis. Whether the run stood for one or two letters is decided by
 * the lexicon: the variant it knows wins, otherwise two letters are kept.
 */
final class CollapseRepeatsFilter extends TokenFilter {
    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final Predicate<String> known;

    private final boolean preferOne;
    /** Words the lexicons write exactly so; preferred over words they only match by stem or affix. */
    private final Predicate<String> exact;

    CollapseRepeatsFilter(TokenStream input, Predicate<String> known) {
        this(input, known, known, false);
    }

    /**
     * @param exact     words written as such in the lexicons or their chat spelling
     * @param known     words the lexicons match at all (also by stem, affix or one typo)
     * @param preferOne the bolder reading: a run stands for one letter whenever that gives a known word
     */
    CollapseRepeatsFilter(TokenStream input, Predicate<String> exact, Predicate<String> known, boolean preferOne) {
        super(input);
        // "shaaan't": the lexicons know words without their apostrophe
        this.exact = w -> exact.test(w) || exact.test(ChatSpellingFilter.clean(w));
        this.known = w -> known.test(w) || known.test(ChatSpellingFilter.clean(w));
        this.preferOne = preferOne;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        char[] buf = termAtt.buffer();
        int len = termAtt.length();
        if (!hasTripleRun(buf, len)) {
            return true;
        }
        String two = collapse(buf, len, 2);
        String one = collapse(buf, len, 1);
        String chosen;
        // the bold reading still keeps two letters when only that is a word the lexicons write ("weeeek" is "week",
        // not "wek", which some lexicon only reaches by stem)
        if (preferOne && known.test(one) && !(exact.test(two) && !exact.test(one))) {
            chosen = one;
        } else if (exact.test(two) || exact.test(one)) {
            chosen = exact.test(two) ? two : one;
        } else {
            String mix = mixed(buf, len, null, exact);
            chosen = mix != null ? mix
                    : known.test(one) && !known.test(two) ? one : known.test(two) ? two : mixed(buf, len, two, known);
        }
        termAtt.setEmpty().append(chosen);
        return true;
    }

    /**
     * When neither all-one nor all-two letters gives a known word ("niiieeeet"), each run may stand for one or two
     * letters of its own; the first mix the lexicon knows wins, otherwise {@code fallback}.
     */
    private String mixed(char[] buf, int len, String fallback, Predicate<String> known) {
        java.util.List<int[]> runs = runs(buf, len);
        if (runs.isEmpty() || runs.size() > 4) {
            return fallback;
        }
        for (int mask = 0; mask < (1 << runs.size()); mask++) {
            int m = mask;
            String candidate = rebuild(buf, len, runs, r -> (m & (1 << r)) != 0 ? 1 : 2);
            if (known.test(candidate)) {
                return candidate;
            }
        }
        if (fallback == null) {
            return null;
        }
        // nothing known: letters that neither language doubles ("i", "u", "y", ...) stand for one
        return rebuild(buf, len, runs, r -> "aeolmnprstfgkdbcz".indexOf(buf[runs.get(r)[0]]) >= 0 ? 2 : 1);
    }

    /** The word with run number r shortened to keep.applyAsInt(r) letters. */
    private static String rebuild(char[] buf, int len, java.util.List<int[]> runs,
                                  java.util.function.IntUnaryOperator keep) {
        StringBuilder sb = new StringBuilder(len);
        int i = 0;
        int r = 0;
        while (i < len) {
            if (r < runs.size() && runs.get(r)[0] == i) {
                sb.append(String.valueOf(buf[i]).repeat(keep.applyAsInt(r)));
                i = runs.get(r)[1];
                r++;
            } else {
                sb.append(buf[i++]);
            }
        }
        return sb.toString();
    }

    /**
     * Every way of reading a stretched word, each run of three or more equal letters as one letter or as two: all
     * mixes for up to four runs ("aaalleeeeeen": "alen", "allen", "aalen", "aalleen" ... and "alleen"), only all-one
     * and all-two beyond.
     */
    static java.util.List<String> readings(char[] word) {
        java.util.List<int[]> runs = runs(word, word.length);
        if (runs.size() > 4) {
            return java.util.List.of(collapse(word, word.length, 1), collapse(word, word.length, 2));
        }
        java.util.List<String> out = new java.util.ArrayList<>(1 << runs.size());
        for (int mask = 0; mask < (1 << runs.size()); mask++) {
            int m = mask;
            out.add(rebuild(word, word.length, runs, r -> (m & (1 << r)) != 0 ? 1 : 2));
        }
        return out;
    }

    /** Start and end of each run of three or more equal letters. */
    private static java.util.List<int[]> runs(char[] buf, int len) {
        java.util.List<int[]> runs = new java.util.ArrayList<>();
        int i = 0;
        while (i < len) {
            int j = i;
            while (j < len && buf[j] == buf[i]) {
                j++;
            }
            if (j - i >= 3 && Character.isLetter(buf[i])) {
                runs.add(new int[] {i, j});
            }
            i = j;
        }
        return runs;
    }

    static boolean hasTripleRun(char[] buf, int len) {
        for (int i = 2; i < len; i++) {
            if (buf[i] == buf[i - 1] && buf[i] == buf[i - 2] && Character.isLetter(buf[i])) {
                return true;
            }
        }
        return false;
    }

    /** Shortens every run of three or more equal letters to {@code keep} letters; shorter runs stay as written. */
    static String collapse(char[] buf, int len, int keep) {
        StringBuilder sb = new StringBuilder(len);
        int i = 0;
        while (i < len) {
            int j = i;
            while (j < len && buf[j] == buf[i]) {
                j++;
            }
            int run = j - i;
            int out = run >= 3 && Character.isLetter(buf[i]) ? keep : run;
            for (int k = 0; k < out; k++) {
                sb.append(buf[i]);
            }
            i = j;
        }
        return sb.toString();
    }
}
