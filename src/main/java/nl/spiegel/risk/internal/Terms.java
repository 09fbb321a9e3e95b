package nl.spiegel.risk.internal;

import java.util.Locale;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/** Normalises lexicon words exactly as the analyser normalises text, so a reviewer may write "suïcidaal" or "Suicide". */
final class Terms {
    private Terms() {
    }

    static String normalise(String word) {
        return ChatSpellingFilter.clean(fold(word));
    }

    /** Lower-cases and folds but keeps apostrophes, for spelling keys such as "i'll" (not "ill"). */
    static String fold(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        char[] in = lower.toCharArray();
        char[] out = new char[in.length * 4];
        int len = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, in.length);
        return new String(out, 0, len).replace("\uFE0F", "").replace("\uFE0E", "");
    }
}
