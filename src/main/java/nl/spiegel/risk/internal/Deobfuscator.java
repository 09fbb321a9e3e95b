package nl.spiegel.risk.internal;

import com.ibm.icu.text.SpoofChecker;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Undoes the ways people (or filters people try to dodge) disguise words, before the text is analysed, so that a
 * disguised message never scores lower than its plain form:
 * <ul>
 *   <li>invisible characters (zero-width spaces and joiners, direction marks, soft hyphens) and combining marks
 *       stacked on letters ("z̶e̶l̶f̶") are dropped;</li>
 *   <li>compatibility forms (full-width, mathematical bold, circled letters) become their plain letters (NFKC);</li>
 *   <li>letters from other scripts that look like Latin ones (Cyrillic "о", Greek "ο") become the Latin letter, after
 *       Unicode's confusables data (ICU's {@link SpoofChecker} skeletons, restricted to single Latin letters, because
 *       the full skeleton also folds Latin sequences such as "rn" into "m");</li>
 *   <li>digits and symbols inside words ("z3lfm00rd", "k!ll", "$uicide") become letters, unless the word is a number
 *       with a unit ("10mg", "3x") or chat spelling the lexicon knows ("2nite"); "1", "!" and "|" can be "i" or "l",
 *       and the variant the lexicon knows wins;</li>
 *   <li>letters spelled out one by one ("z e l f m o o r d", "k.i.l.l") are joined, and a joined run the lexicon does
 *       not know as one word is split into words it does know ("iwanttodie" into "i want to die").</li>
 * </ul>
 * The result keeps, for every character, the offset of the character it came from, so matches still point into
 * what the person wrote. Hand-written because Lucene's char filters map fixed strings only, and these choices depend
 * on the surrounding word and on the lexicon.
 */
public final class Deobfuscator {
    private static final char[] LOOK_ALIKE = lookAlikes();
    private static final int MAX_SEGMENT_INPUT = 60;
    private static final int MIN_SEGMENT_INPUT = 10;
    private static final java.util.regex.Pattern STANDING_DIGITS = java.util.regex.Pattern.compile(
            "\\p{L}+\\s+[0-9]{2,6}\\s+\\p{L}+");
    /** A number with a unit or an ordinal ending: "10mg", "3x", "2e", "21ste", "5km", "3rd". */
    private static final java.util.regex.Pattern UNIT = java.util.regex.Pattern.compile(
            "[0-9]+([.,][0-9]+)?(mg|g|gr|kg|mcg|ug|ml|cl|dl|l|x|e|de|ste|st|nd|rd|th|km|m|cm|mm|min|u|uur|h|hr|hrs"
                    + "|jr|k|pk|mb|gb|pm|am|sec|yo|jaar|keer|xl|cc|iu|ie)");
    private static final java.util.regex.Pattern YEAR = java.util.regex.Pattern.compile("(19|20)[0-9]{2}");
    private final Predicate<String> known;
    private final Predicate<String> lexical;

    /**
     * @param known   whether a lower-case word is written in the lexicons or their chat spelling, as it is
     * @param lexical whether a lower-case word would match a lexicon term at all, also by stem or affix
     */
    public Deobfuscator(Predicate<String> known, Predicate<String> lexical) {
        this.known = known;
        this.lexical = lexical;
    }

    /** Normalised text and, per character, the offset in the original text it stands for. */
    public record Result(String text, int[] origin, boolean digitsForLetters) {
        /** Offset in the original text of the character at {@code i} (or the original length at the end). */
        public int start(int i, int originalLength) {
            return origin == null ? i : i < origin.length ? origin[i] : originalLength;
        }

        /** End offset in the original text for a span ending (exclusive) at {@code end}. */
        public int end(int end, String original) {
            if (origin == null) {
                return end;
            }
            if (end <= 0) {
                return 0;
            }
            int last = origin[end - 1];
            return Math.min(original.length(), last + Character.charCount(original.codePointAt(last)));
        }
    }

    public Result normalise(String text) {
        if (plain(text)) {
            return new Result(text, null, false); // the common case: nothing to undo, nothing allocated
        }
        Buffer b = characters(text);
        b = capitalI(b);
        Buffer before = b;
        b = leet(b, false);
        // a number standing among words may be a word in digits too ("how to 713 a noose"): read it boldly as well
        boolean digits = b != before || STANDING_DIGITS.matcher(text).find();
        b = tightened(b);
        b = spelledOut(b, false); // "k.i.l.l", "d-o-o-d" first, so "a b-l-a-d-e" keeps its "a"
        b = spelledOut(b, true);
        b = capitalI(b); // "p o I s e n": the capital I stood alone until the letters were joined
        // "h 3 t  t r @ i n": spelled out with digits for letters, which stood alone until the letters were joined
        Buffer joined = b;
        b = leet(b, false);
        digits |= b != joined;
        return new Result(b.sb.toString(), Arrays.copyOf(b.origin, b.sb.length()), digits);
    }

    /**
     * The bolder reading for a message that already writes digits for letters: then standing digits are letters
     * too ("41" is "al", "can'7" is "can't"), numbers with units included. The detector assesses both readings and
     * keeps the higher, because "30" in the same message may still be a number.
     */
    public Result normaliseBoldly(String text) {
        Buffer b = characters(text);
        b = leet(b, true);
        b = tightened(b);
        b = spelledOut(b, false);
        b = spelledOut(b, true);
        b = leet(b, true);
        return new Result(b.sb.toString(), Arrays.copyOf(b.origin, b.sb.length()), true);
    }

    /** True when no step could change the text: ASCII only, no digit or symbol next to a letter, no spelled-out run. */
    static boolean plain(String text) {
        int singles = 0;
        int n = text.length();
        boolean digit = false;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            digit |= c >= '0' && c <= '9';
            if (c >= 0x80) {
                return false;
            }
            if (c == 'I' && i > 0 && Character.isLowerCase(text.charAt(i - 1))) {
                return false; // "poIsen": a capital I for a small l
            }
            boolean letterBefore = i > 0 && Character.isLetter(text.charAt(i - 1));
            boolean letterAfter = i + 1 < n && Character.isLetter(text.charAt(i + 1));
            boolean disguise = c == '!' || c == '+' ? letterBefore && letterAfter // "help!" is punctuation
                    : isLeet(c) && (letterBefore || letterAfter);
            if (disguise) {
                return false;
            }
            if (Character.isLetter(c) && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))
                    && (i + 1 == n || !Character.isLetterOrDigit(text.charAt(i + 1)))) {
                if (++singles >= 3) {
                    return false;
                }
            } else if (Character.isLetter(c)) {
                singles = 0;
            }
        }
        return !(digit && STANDING_DIGITS.matcher(text).find());
    }

    // ------------------------------------------------------------------ step 1: characters

    private static Buffer characters(String text) {
        Buffer out = new Buffer(text.length());
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int len = Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.FORMAT) {
                i += len; // invisible: zero-width, direction marks, soft hyphen
                continue;
            }
            if ((type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) && !(cp >= 0xFE00
                    && cp <= 0xFE0F) && cp != 0x20E3 && out.sb.length() > 0
                    && Character.isLetter(out.sb.charAt(out.sb.length() - 1))) {
                i += len; // marks stacked on a letter; accents come back as plain letters after folding anyway
                continue;
            }
            if (cp < LOOK_ALIKE.length && LOOK_ALIKE[cp] != 0) {
                out.add(LOOK_ALIKE[cp], i);
            } else if (cp >= 0x80 && (Character.isLetterOrDigit(cp) || type == Character.OTHER_SYMBOL)) {
                String nfkc = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
                if (isAsciiAlnum(nfkc) && nfkc.length() <= 2) {
                    for (int k = 0; k < nfkc.length(); k++) {
                        out.add(nfkc.charAt(k), i);
                    }
                } else {
                    out.add(text, i, len);
                }
            } else {
                out.add(text, i, len);
            }
            i += len;
        }
        return out;
    }

    private static boolean isAsciiAlnum(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    /** Single Latin letters that letters of other scripts are confusable with, from Unicode's confusables data. */
    private static char[] lookAlikes() {
        char[] table = new char[0x3000];
        SpoofChecker spoof = new SpoofChecker.Builder().build();
        int[][] ranges = {{0x0250, 0x02AF}, {0x0370, 0x03FF}, {0x0400, 0x052F}, {0x0530, 0x058F}, {0x13A0, 0x13FF},
            {0x1D00, 0x1D7F}, {0x2100, 0x214F}, {0x0180, 0x024F}};
        for (int[] r : ranges) {
            for (int cp = r[0]; cp <= r[1]; cp++) {
                if (!Character.isLetter(cp)) {
                    continue;
                }
                String skeleton = spoof.getSkeleton(SpoofChecker.ANY_CASE, new String(Character.toChars(cp)));
                if (skeleton.length() == 1) {
                    char c = skeleton.charAt(0);
                    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                        table[cp] = Character.toLowerCase(c);
                    }
                }
            }
        }
        return table;
    }

    /**
     * A capital I inside a lower-case word looks like a small l in most fonts ("poIsen", "bIoed", "veeI"): it is read
     * as "l" when only that reading is a word of the lexicons.
     */
    private Buffer capitalI(Buffer in) {
        StringBuilder s = in.sb;
        int n = s.length();
        Buffer out = null;
        int copied = 0;
        int i = 0;
        while (i < n) {
            if (!Character.isLetter(s.charAt(i))) {
                i++;
                continue;
            }
            int j = i;
            boolean inner = false;
            while (j < n && Character.isLetter(s.charAt(j))) {
                inner |= s.charAt(j) == 'I' && j > i && Character.isLowerCase(s.charAt(j - 1));
                j++;
            }
            if (inner) {
                String word = s.substring(i, j);
                StringBuilder l = new StringBuilder(word.length());
                for (int k = 0; k < word.length(); k++) {
                    char c = word.charAt(k);
                    l.append(c == 'I' && k > 0 && Character.isLowerCase(word.charAt(k - 1)) ? 'l' : c);
                }
                String asL = l.toString().toLowerCase(Locale.ROOT);
                String asI = word.toLowerCase(Locale.ROOT);
                if ((known.test(asL) && !known.test(asI)) || (lexical.test(asL) && !lexical.test(asI))) {
                    out = spliced(out, in, copied, i, l.toString());
                    copied = j;
                }
            }
            i = j;
        }
        return finished(out, in, copied);
    }

    // ------------------------------------------------------------------ step 2: digits and symbols for letters

    private static boolean isLeet(char c) {
        return (c >= '0' && c <= '9') || c == '@' || c == '$' || c == '!' || c == '|' || c == '+' || c == '\u20AC';
    }

    private static char leetLetter(char c) {
        return switch (c) {
            case '0' -> 'o';
            case '2' -> 'z';
            case '3' -> 'e';
            case '4', '@' -> 'a';
            case '5', '$' -> 's';
            case '6', '9' -> 'g';
            case '7', '+' -> 't';
            case '8' -> 'b';
            case '\u20AC' -> 'e';
            case '|' -> 'l';
            default -> 'i'; // '1', '!'
        };
    }

    private Buffer leet(Buffer in, boolean bold) {
        StringBuilder s = in.sb;
        int n = s.length();
        Buffer out = null;
        int copied = 0;
        int i = 0;
        while (i < n) {
            if (!Character.isLetterOrDigit(s.charAt(i)) && !isLeet(s.charAt(i))) {
                i++;
                continue;
            }
            int j = i;
            // an apostrophe inside a word belongs to it ("1'm", "can'7")
            while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || isLeet(s.charAt(j))
                    || (s.charAt(j) == '\'' && j + 1 < n && Character.isLetterOrDigit(s.charAt(j + 1)) && j > i))) {
                j++;
            }
            // symbols at the edges are punctuation ("help!", "+31"), except "$" and "@" and "|" in front of letters
            int a = i;
            int z = j;
            while (z > a && !Character.isLetterOrDigit(s.charAt(z - 1))) {
                z--;
            }
            while (a < z && !Character.isLetterOrDigit(s.charAt(a)) && !(s.charAt(a) == '$' || s.charAt(a) == '@'
                    || s.charAt(a) == '|')) {
                a++;
            }
            String mapped = a < z ? mapWord(s.substring(a, z), bold) : null;
            if (mapped != null) {
                out = spliced(out, in, copied, a, mapped);
                copied = z;
            }
            i = j;
        }
        return finished(out, in, copied);
    }

    /**
     * Copies {@code in} from {@code copied} up to {@code at} into {@code out} (started when null), then a word of the
     * same length read differently, each character keeping the origin of the one it replaces.
     */
    private static Buffer spliced(Buffer out, Buffer in, int copied, int at, String word) {
        Buffer b = out == null ? new Buffer(in.sb.length()) : out;
        b.copy(in, copied, at);
        for (int k = 0; k < word.length(); k++) {
            b.add(word.charAt(k), in.origin[at + k]);
        }
        return b;
    }

    /** The rest of {@code in} after the last splice, or {@code in} itself when nothing was spliced. */
    private static Buffer finished(Buffer out, Buffer in, int copied) {
        if (out == null) {
            return in;
        }
        out.copy(in, copied, in.sb.length());
        return out;
    }

    /** The word with digits and symbols read as letters, or null when it stays as written. */
    private String mapWord(String word, boolean bold) {
        int letters = 0;
        int leet = 0;
        for (int k = 0; k < word.length(); k++) {
            char c = word.charAt(k);
            if (Character.isLetter(c)) {
                letters++;
            } else if (isLeet(c)) {
                leet++;
            }
        }
        if (leet == 0 || (letters == 0 && !bold)) {
            return null;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        if (letters == 0 && YEAR.matcher(lower).matches()) {
            return null; // "in 1979 geprobeerd": a year stays a year in every reading, or the past reads as now
        }
        if (bold && lower.length() == 1) {
            // the bolder reading: one digit standing alone is a letter ("1 attempted", "can 1 just d13", "z-3-l-f",
            // "4&3"); the plain reading keeps it a number, and the detector keeps the reading that finds more
            return String.valueOf(leetLetter(lower.charAt(0)));
        }
        if (known.test(lower) && !(bold && letters == 0)) {
            // chat spelling the lexicon knows, "2nite"; a number the lexicon knows ("bmi 15") stays a number in the
            // plain reading, while the bolder reading of a message in digits takes "15" as "is"
            return null;
        }
        String best = bestReading(lower, bold);
        boolean numberWithUnit = UNIT.matcher(lower).matches() || lower.matches("[a-z]{1,3}[0-9]+");
        if (numberWithUnit && !bold && !lexical.test(best) && !stretchedReadingCovered(best)) {
            return null; // "10mg", "3x", "2e", "mp3"
        }
        return best;
    }

    /**
     * Reads digits and symbols as letters. "1", "!" and "|" may be "i" or "l": the first reading the lexicons write
     * as it is wins, then the first they match by stem or affix, then the default ("i" for "1", or "l" in the
     * bolder reading, because the detector assesses both).
     */
    private String bestReading(String lower, boolean bold) {
        char[] chars = lower.toCharArray();
        int[] ambiguous = new int[chars.length];
        int a = 0;
        for (int k = 0; k < chars.length; k++) {
            char c = chars[k];
            if (isLeet(c)) {
                if (c == '1' || c == '!' || c == '|') {
                    ambiguous[a++] = k;
                }
                // bolder: a "1" between letters may be an "l" ("ze1moord"); elsewhere it stays an "i" ("1'm")
                boolean between = k > 0 && k + 1 < chars.length && Character.isLetter(lower.charAt(k - 1))
                        && Character.isLetter(lower.charAt(k + 1));
                chars[k] = c == '1' && bold && between ? 'l' : leetLetter(c);
            }
        }
        String first = new String(chars);
        if (a == 0 || a > 4) {
            return first;
        }
        String covered = null;
        for (int mask = 0; mask < (1 << a); mask++) {
            char[] candidate = first.toCharArray();
            for (int b = 0; b < a; b++) {
                if ((mask & (1 << b)) != 0) {
                    candidate[ambiguous[b]] = candidate[ambiguous[b]] == 'i' ? 'l' : 'i';
                }
            }
            String word = new String(candidate);
            if (known.test(word)) {
                return word;
            }
            if (covered == null && (lexical.test(word) || stretchedReadingCovered(word) || chatPluralCovered(word))) {
                covered = word; // "dii113" is "diiiie": stretched letters are collapsed later
            }
        }
        return covered != null ? covered : first;
    }

    /** "r411z": read as "railz", which the analyser reads as "rails" (a chat plural in z). */
    private boolean chatPluralCovered(String word) {
        int n = word.length();
        return n >= 4 && word.charAt(n - 1) == 'z' && lexical.test(word.substring(0, n - 1) + "s");
    }

    private boolean stretchedReadingCovered(String word) {
        char[] chars = word.toCharArray();
        if (!CollapseRepeatsFilter.hasTripleRun(chars, chars.length)) {
            return false;
        }
        return lexical.test(CollapseRepeatsFilter.collapse(chars, chars.length, 1))
                || lexical.test(CollapseRepeatsFilter.collapse(chars, chars.length, 2));
    }

    // ------------------------------------------------------------------ step 3: letters spelled out one by one

    /**
     * Joins characters written one at a time: "z e l f m o o r d" (single spaces; punctuation may stand alone too:
     * "d o n ' t"), "k.i.l.l" or "d-o-o-d" (one separator between letters). A run needs three letters, or two once
     * the message has a run of three. Two or more spaces keep words apart; a long run spelled out with single spaces
     * (the whole message, word boundaries lost) is split into the words the lexicons know.
     */
    private Buffer spelledOut(Buffer in, boolean spaces) {
        StringBuilder s = in.sb;
        int n = s.length();
        if (longestRun(s, spaces) < 3) {
            return in;
        }
        Buffer out = new Buffer(n);
        boolean wordGaps = s.indexOf("  ") >= 0;
        int i = 0;
        while (i < n) {
            int[] run = run(s, i, spaces);
            if (run[1] < 2) {
                out.add(s.charAt(i), in.origin[i]);
                i++;
                continue;
            }
            int j = run[0]; // exclusive end of the run
            StringBuilder joined = new StringBuilder();
            List<Integer> from = new ArrayList<>();
            for (int k = i; k < j; k += 2) {
                joined.append(s.charAt(k));
                from.add(in.origin[k]);
            }
            String word = joined.toString();
            // only when word boundaries were lost: with two spaces between words every run is one word already
            int[] cuts = run[1] >= MIN_SEGMENT_INPUT && s.charAt(i + 1) == ' ' && !wordGaps
                    ? segment(word.toLowerCase(Locale.ROOT)) : null;
            int cut = 0;
            for (int k = 0; k < word.length(); k++) {
                if (cuts != null && cut < cuts.length && cuts[cut] == k) {
                    out.add(' ', from.get(k));
                    cut++;
                }
                out.add(word.charAt(k), from.get(k));
            }
            i = j;
        }
        return out;
    }

    /**
     * Makes letters spelled out with a spaced or stretched separator look like the plain kind: "z - e - l - f" becomes
     * "z-e-l-f", and a stretched letter standing between separators "d-oooo-d" becomes "d-o-d". Returns {@code in}
     * when nothing changed.
     */
    private Buffer tightened(Buffer in) {
        return spacedSeparators(stretchedBetweenSeparators(in));
    }

    private Buffer stretchedBetweenSeparators(Buffer in) {
        StringBuilder s = in.sb;
        int n = s.length();
        Buffer out = null;
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            int e = i;
            while (e < n && s.charAt(e) == c) {
                e++;
            }
            if (Character.isLetter(c) && e - i >= 3 && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)))
                    && (e == n || !Character.isLetterOrDigit(s.charAt(e)))
                    && (separatorAt(s, i - 1, -1) || separatorAt(s, e, 1))) {
                out = started(out, in, i);
                out.add(c, in.origin[i]);
            } else if (out != null) {
                out.copy(in, i, e);
            }
            i = e;
        }
        return out == null ? in : out;
    }

    /** A separator at {@code at}, or one space further in {@code direction}. */
    private static boolean separatorAt(StringBuilder s, int at, int direction) {
        if (at < 0 || at >= s.length()) {
            return false;
        }
        if (isSeparator(s.charAt(at))) {
            return true;
        }
        int next = at + direction;
        return s.charAt(at) == ' ' && next >= 0 && next < s.length() && isSeparator(s.charAt(next));
    }

    private Buffer spacedSeparators(Buffer in) {
        StringBuilder s = in.sb;
        int n = s.length();
        Buffer out = null;
        int i = 0;
        while (i < n) {
            if (s.charAt(i) == ' ' && i > 0 && i + 3 < n && isSeparator(s.charAt(i + 1)) && s.charAt(i + 2) == ' '
                    && alone(s, i - 1) && Character.isLetterOrDigit(s.charAt(i - 1)) && alone(s, i + 3)
                    && Character.isLetterOrDigit(s.charAt(i + 3))) {
                out = started(out, in, i);
                out.add(s.charAt(i + 1), in.origin[i + 1]);
                i += 3;
                continue;
            }
            if (out != null) {
                out.add(s.charAt(i), in.origin[i]);
            }
            i++;
        }
        return out == null ? in : out;
    }

    /** The output buffer, created on the first change with everything before {@code upTo} copied. */
    private static Buffer started(Buffer out, Buffer in, int upTo) {
        if (out != null) {
            return out;
        }
        Buffer b = new Buffer(in.sb.length());
        b.copy(in, 0, upTo);
        return b;
    }

    /** {exclusive end, number of letters} of the spelled-out run starting at i; fewer than 2 letters: no run. */
    private static int[] run(StringBuilder s, int i, boolean spaces) {
        int n = s.length();
        if (i + 2 >= n || !(Character.isLetter(s.charAt(i)) || (spaces && Character.isDigit(s.charAt(i))))
                || !alone(s, i)
                || (spaces ? s.charAt(i + 1) != ' ' : !isSeparator(s.charAt(i + 1)))) {
            return new int[] {i + 1, 0};
        }
        char sep = s.charAt(i + 1);
        int j = i;
        int letters = 1;
        while (j + 2 < n && s.charAt(j + 1) == sep && alone(s, j + 2)
                && (Character.isLetter(s.charAt(j + 2)) || (sep == ' ' && !Character.isWhitespace(s.charAt(j + 2))))) {
            j += 2;
            if (Character.isLetterOrDigit(s.charAt(j))) {
                letters++;
            }
        }
        return new int[] {j + 1, letters};
    }

    private static int longestRun(StringBuilder s, boolean spaces) {
        int best = 0;
        for (int i = 0; i < s.length(); i++) {
            int[] r = run(s, i, spaces);
            best = Math.max(best, r[1]);
            if (r[1] >= 2) {
                i = r[0] - 1;
            }
        }
        return best;
    }

    /** A character with no letter or digit right before or after it. */
    private static boolean alone(StringBuilder s, int i) {
        return !Character.isWhitespace(s.charAt(i))
                && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)))
                && (i + 1 == s.length() || !Character.isLetterOrDigit(s.charAt(i + 1)));
    }

    private static boolean isSeparator(char c) {
        return c == '.' || c == '-' || c == '_' || c == '*' || c == '\u00B7' || c == '/';
    }

    /**
     * Where to put spaces so that every part is a word the lexicons know, with as few parts as possible; null when
     * the run is one known word already or cannot be split into known words (then it stays one word).
     */
    int[] segment(String word) {
        int n = word.length();
        if (n > MAX_SEGMENT_INPUT || lexical.test(word)) {
            return null;
        }
        int[] parts = new int[n + 1];
        int[] back = new int[n + 1];
        Arrays.fill(parts, Integer.MAX_VALUE);
        parts[0] = 0;
        for (int e = 1; e <= n; e++) {
            for (int b = Math.max(0, e - 20); b < e; b++) {
                if (parts[b] != Integer.MAX_VALUE && parts[b] + 1 < parts[e] && known.test(word.substring(b, e))) {
                    parts[e] = parts[b] + 1;
                    back[e] = b;
                }
            }
        }
        if (parts[n] == Integer.MAX_VALUE || parts[n] < 2) {
            return null;
        }
        int[] cuts = new int[parts[n] - 1];
        int e = n;
        int c = cuts.length;
        while (e > 0) {
            int b = back[e];
            if (b > 0) {
                cuts[--c] = b;
            }
            e = b;
        }
        return cuts;
    }

    /** Text being built with the original offset of each character. */
    private static final class Buffer {
        final StringBuilder sb;
        int[] origin;

        Buffer(int capacity) {
            sb = new StringBuilder(capacity + 8);
            origin = new int[capacity + 8];
        }

        void add(char c, int from) {
            if (sb.length() == origin.length) {
                origin = Arrays.copyOf(origin, origin.length * 2 + 8);
            }
            origin[sb.length()] = from;
            sb.append(c);
        }

        void add(String text, int at, int len) {
            for (int k = 0; k < len; k++) {
                add(text.charAt(at + k), at + k);
            }
        }

        void copy(Buffer in, int from, int to) {
            for (int k = from; k < to; k++) {
                add(in.sb.charAt(k), in.origin[k]);
            }
        }
    }
}
