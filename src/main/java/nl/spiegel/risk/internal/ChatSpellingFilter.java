package nl.spiegel.risk.internal;

import java.io.IOException;
import java.util.Map;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Rewrites chat spelling and misspellings from the lexicon ("'k" to "ik", "m'n" to "mijn", "dont" to "do not",
 * "zelfmoort" to "zelfmoord"), strips apostrophes and emoji variation selectors, and corrects single typos in the
 * few long words that matter most ("suicdie"). A replacement of several words becomes several tokens that all point
 * at the original word's offsets, so a reviewer still sees what was written.
 */
final class ChatSpellingFilter extends TokenFilter {
    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posAtt = addAttribute(PositionIncrementAttribute.class);
    private final Map<String, String[]> spelling;
    private final TypoCorrector typos;
    private final java.util.function.Predicate<String> lexical;
    private String[] pending;
    private int pendingIndex;

    ChatSpellingFilter(TokenStream input, Map<String, String[]> spelling, TypoCorrector typos,
                       java.util.function.Predicate<String> lexical) {
        super(input);
        this.spelling = spelling;
        this.typos = typos;
        this.lexical = lexical;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (pending != null) {
            // offsets and type stay those of the word that was expanded
            termAtt.setEmpty().append(pending[pendingIndex++]);
            posAtt.setPositionIncrement(1);
            if (pendingIndex == pending.length) {
                pending = null;
            }
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        String raw = termAtt.toString();
        String[] replacement = spelling.get(raw);
        if (replacement == null) {
            String cleaned = clean(raw);
            replacement = spelling.get(cleaned);
            if (replacement == null) {
                String corrected = typos.correct(cleaned);
                replacement = corrected == null ? null : spelling.get(corrected);
                if (replacement == null) {
                    if (corrected != null) {
                        cleaned = corrected;
                    } else {
                        cleaned = sForZ(cleaned);
                    }
                    if (!cleaned.equals(raw)) {
                        termAtt.setEmpty().append(cleaned);
                    }
                    return true;
                }
            }
        }
        termAtt.setEmpty().append(replacement[0]);
        if (replacement.length > 1) {
            pending = replacement;
            pendingIndex = 1;
        }
        return true;
    }

    /**
     * Chat writes a final "s" as "z" ("pillz", "trainz", "railz"): the "s" form is read when only that one is a word
     * of the lexicons.
     */
    private String sForZ(String word) {
        int n = word.length();
        if (n < 4 || word.charAt(n - 1) != 'z' || word.charAt(n - 2) == 'z' || lexical.test(word)) {
            return word;
        }
        String s = word.substring(0, n - 1) + 's';
        return lexical.test(s) ? s : word;
    }

    /** Drops apostrophes ("don't", "m'n"), emoji variation selectors and skin-tone modifiers. */
    static String clean(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean drop = c == '\'' || c == '\uFE0F' || c == '\uFE0E'
                    || (c == '\uD83C' && i + 1 < s.length() && s.charAt(i + 1) >= '\uDFFB' && s.charAt(i + 1) <= '\uDFFF');
            if (drop && sb == null) {
                sb = new StringBuilder(s.length());
                sb.append(s, 0, i);
            }
            if (drop) {
                if (c == '\uD83C') {
                    i++;
                }
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending = null;
    }
}
