package nl.spiegel.risk.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.DutchStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * Turns a message into {@link Tokens}: Lucene's StandardTokenizer (UAX#29 words, which keeps emoji as tokens of type
 * {@code <EMOJI>}), ASCII folding ("suïcide", "één"), lower-casing, collapsing of emphasis repeats, chat spelling, and
 * both Dutch and English Snowball stems for every token, because people switch language within one message.
 *
 * <p>Deliberately no stop filter: the stock Dutch stop list removes "ik", "niet", "wil", "meer" and "geen", which are
 * exactly the words that separate "ik wil niet meer leven" from "leven".
 *
 * <p>Thread-safe: Lucene's {@link Analyzer} keeps one token stream chain per thread; stemmers are made per call.
 */
public final class TextAnalyser {
    private static final int MAX_STEM_INPUT = 40;
    private final Analyzer analyzer;
    /** The same chain, reading stretched letters as one wherever that gives a known word ("tooo" as "to"). */
    private final Analyzer boldAnalyzer;
    /**
     * Stems of the lexicon's own words, computed once. Everyday chat is dominated by these and by short function
     * words, so most tokens skip the stemmers. Only lexicon words are kept: nothing a person wrote is cached.
     */
    private final Map<String, String[]> knownStems;
    private final Deobfuscator deobfuscator;
    /** Chat spelling, to read the alternatives of a stretched word as the analyser reads words. */
    private final Map<String, String[]> spelling;

    public TextAnalyser(Map<String, String[]> spelling, Predicate<String> known, TypoCorrector typos) {
        this(spelling, known, typos, Set.of(), known);
    }

    /**
     * @param known   surface words of the lexicons and chat spelling (exact)
     * @param lexical whether a word would match any lexicon term, also by stem or affix: chooses between readings of
     *                stretched or disguised words
     */
    public TextAnalyser(Map<String, String[]> spelling, Predicate<String> known, TypoCorrector typos,
                        Set<String> precompute, Predicate<String> lexical) {
        Map<String, String[]> stems = new java.util.HashMap<>();
        SnowballStemmer dutch = new DutchStemmer();
        SnowballStemmer english = new EnglishStemmer();
        for (String w : precompute) {
            if (w.length() >= 3 && w.length() <= MAX_STEM_INPUT && Character.isLetter(w.charAt(0))) {
                stems.put(w, new String[] {stem(dutch, w), stem(english, w)});
            }
        }
        this.knownStems = Map.copyOf(stems);
        this.deobfuscator = new Deobfuscator(known, lexical);
        Map<String, String[]> spell = Map.copyOf(spelling);
        this.spelling = spell;
        this.analyzer = chain(spell, known, typos, lexical, false);
        this.boldAnalyzer = chain(spell, known, typos, lexical, true);
    }

    private static Analyzer chain(Map<String, String[]> spell, Predicate<String> known, TypoCorrector typos,
                                  Predicate<String> lexical, boolean bold) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream chain = new ASCIIFoldingFilter(source);
                chain = new LowerCaseFilter(chain);
                chain = new CollapseRepeatsFilter(chain, known, lexical, bold);
                chain = new ChatSpellingFilter(chain, spell, typos, lexical);
                return new TokenStreamComponents(source, chain);
            }
        };
    }

    static TextAnalyser forTests(Map<String, String[]> spelling, Set<String> known, java.util.List<String> typoTargets) {
        return new TextAnalyser(spelling, known::contains, new TypoCorrector(typoTargets, known));
    }

    public Tokens analyse(String original) {
        return analyse(original, deobfuscator.normalise(original), analyzer);
    }

    /**
     * The bolder reading of a disguised message (see {@link Tokens#disguised()}): standing digits as letters (see
     * {@link Deobfuscator#normaliseBoldly}) and stretched letters as single ones where that gives a known word.
     */
    public Tokens analyseBoldly(String original) {
        return analyse(original, deobfuscator.normaliseBoldly(original), boldAnalyzer);
    }

    private Tokens analyse(String original, Deobfuscator.Result plain, Analyzer analyzer) {
        String text = plain.text();
        int cap = 16;
        String[] term = new String[cap];
        int[] start = new int[cap];
        int[] end = new int[cap];
        boolean[] num = new boolean[cap];
        int n = 0;
        try (TokenStream ts = analyzer.tokenStream("text", text)) {
            CharTermAttribute termAtt = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offAtt = ts.addAttribute(OffsetAttribute.class);
            TypeAttribute typeAtt = ts.addAttribute(TypeAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (n == cap) {
                    cap *= 2;
                    term = Arrays.copyOf(term, cap);
                    start = Arrays.copyOf(start, cap);
                    end = Arrays.copyOf(end, cap);
                    num = Arrays.copyOf(num, cap);
                }
                term[n] = termAtt.toString();
                start[n] = offAtt.startOffset();
                end[n] = offAtt.endOffset();
                num[n] = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.NUM].equals(typeAtt.type());
                n++;
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen for a String reader
        }
        String[] nl = new String[n];
        String[] en = new String[n];
        long[] number = new long[n];
        SnowballStemmer dutch = new DutchStemmer();
        SnowballStemmer english = new EnglishStemmer();
        for (int i = 0; i < n; i++) {
            String t = term[i];
            number[i] = num[i] ? parseNumber(t) : -1;
            String[] cached = knownStems.get(t);
            if (cached != null) {
                nl[i] = cached[0];
                en[i] = cached[1];
            } else if (t.length() < 3 || t.length() > MAX_STEM_INPUT || !Character.isLetter(t.charAt(0))) {
                nl[i] = t;
                en[i] = t;
            } else {
                nl[i] = stem(dutch, t);
                en[i] = stem(english, t);
            }
        }
        boolean stretched = stretched(text);
        String[][] alternatives = stretched ? stretchedAlternatives(text, term, start, end, n) : new String[n][];
        int[] sentence = new int[n];
        int[] clause = new int[n];
        int s = 0;
        int c = 0;
        for (int i = 1; i < n; i++) {
            if (start[i] >= end[i - 1]) { // expanded chat words share offsets and never split
                int gap = boundary(text, end[i - 1], start[i]);
                if (gap == 2) {
                    s++;
                    c++;
                } else if (gap == 1) {
                    c++;
                }
            }
            sentence[i] = s;
            clause[i] = c;
        }
        if (plain.origin() != null) {
            for (int i = 0; i < n; i++) { // point back into what the person wrote
                int from = start[i];
                start[i] = plain.start(from, original.length());
                end[i] = Math.max(start[i], plain.end(end[i], original));
            }
        }
        Tokens tokens = new Tokens(n, Arrays.copyOf(term, n), nl, en, Arrays.copyOf(start, n), Arrays.copyOf(end, n),
                sentence, clause, number);
        System.arraycopy(alternatives, 0, tokens.alternatives, 0, n);
        tokens.disguised = plain.digitsForLetters() || stretched;
        return tokens;
    }

    /**
     * For each token written with a run of three or more equal letters, the readings the analyser did not choose:
     * each run as one letter or as two ("aaalleeeeeen" is also "alleen"), each through the chat spelling when that
     * gives one word. Null for all other tokens, and for tokens the chat spelling expanded into several words.
     */
    private String[][] stretchedAlternatives(String text, String[] term, int[] start, int[] end, int n) {
        String[][] out = new String[n][];
        for (int i = 0; i < n; i++) {
            boolean expanded = (i > 0 && start[i] < end[i - 1]) || (i + 1 < n && start[i + 1] < end[i]);
            if (expanded || end[i] - start[i] < 3 || end[i] > text.length()) {
                continue;
            }
            char[] word = text.substring(start[i], end[i]).toLowerCase(java.util.Locale.ROOT).toCharArray();
            if (!CollapseRepeatsFilter.hasTripleRun(word, word.length)) {
                continue;
            }
            java.util.List<String> readings = new java.util.ArrayList<>(2);
            for (String reading : CollapseRepeatsFilter.readings(word)) {
                String[] spelled = spelling.get(reading);
                if (spelled != null) {
                    if (spelled.length != 1) {
                        continue;
                    }
                    reading = spelled[0];
                }
                if (!reading.equals(term[i]) && !readings.contains(reading)) {
                    readings.add(reading);
                }
            }
            out[i] = readings.isEmpty() ? null : readings.toArray(String[]::new);
        }
        return out;
    }

    /** Three equal letters in a row: emphasis, or a disguise ("diiiie"). */
    private static boolean stretched(String text) {
        for (int i = 2; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == text.charAt(i - 1) && c == text.charAt(i - 2) && Character.isLetter(c)) {
                return true;
            }
        }
        return false;
    }

    public static String stem(SnowballStemmer stemmer, String word) {
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
    }

    public static String dutchStem(String word) {
        return stem(new DutchStemmer(), word);
    }

    public static String englishStem(String word) {
        return stem(new EnglishStemmer(), word);
    }

    /**
     * What separates two tokens: 2 for a sentence end (". ", "!", "?", ";", a line break), 1 for a clause break
     * (comma, colon, dash, brackets, quotes, an ellipsis, which in chat more often pauses than ends a sentence),
     * 0 for none.
     */
    static int boundary(String text, int from, int to) {
        int result = 0;
        int dots = 0;
        for (int i = from; i < to; i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '.' -> dots++;
                case '!', '?', ';', '\n', '\r' -> result = 2;
                case ',', ':', '(', ')', '"', '-', '\u2013', '\u2014', '\u2026', '/' -> result = Math.max(result, 1);
                default -> {
                }
            }
        }
        if (dots == 1) {
            result = 2;
        } else if (dots > 1) {
            result = Math.max(result, 1);
        }
        return result;
    }

    private static long parseNumber(String t) {
        long v = 0;
        int digits = 0;
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            if (ch >= '0' && ch <= '9') {
                if (++digits > 9) {
                    return Long.MAX_VALUE;
                }
                v = v * 10 + (ch - '0');
            } else {
                break; // "2.5" and "10,000" count by their leading part, which is enough to tell few from many
            }
        }
        return digits == 0 ? -1 : v;
    }
}
