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

    CollapseRepeatsFilter(TokenStream input, Predicate<String> known) {
        super(input);
        this.known = known;
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
        String chosen = known.test(one) && !known.test(two) ? one : two;
        termAtt.setEmpty().append(chosen);
        return true;
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
