package nl.spiegel.risk.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A compiled pattern. Two shapes:
 * <ul>
 *   <li>ordered: {@code ik ..2 $WANT ..3 dood}: elements in this order, each at most N other tokens after the previous
 *   one ({@code ..N}; adjacent without it); an optional final {@code #END} requires the clause to end there;</li>
 *   <li>window: {@code {6} doe $SELF iets aan}: all elements within six consecutive tokens, in any order, for Dutch
 *   separable verbs and inversions ("vanavond doe ik mezelf iets aan").</li>
 * </ul>
 * An ordered pattern never crosses a sentence boundary; an any-order window of three or more concepts may, within
 * its size.
 */
final class CompiledPattern {
    final String source;
    final Element[] elements;
    /** gaps[k]: how many tokens may lie between element k-1 and element k. */
    final int[] gaps;
    final boolean endAnchored;
    /** 0 for ordered patterns, else the window size. */
    final int window;
    /** Elements from the most to the least specific, the order in which {@link #feasible} gives up soonest. */
    private final Element[] bySpecificity;

    private CompiledPattern(String source, Element[] elements, int[] gaps, boolean endAnchored, int window) {
        this.source = source;
        this.elements = elements;
        this.gaps = gaps;
        this.endAnchored = endAnchored;
        this.window = window;
        this.bySpecificity = java.util.Arrays.stream(elements)
                .sorted(java.util.Comparator.comparingInt(e -> e.terms.cardinality() + (e.anyNumber || e.manyNumber ? 1000 : 0)))
                .toArray(Element[]::new);
    }

    /** Resolves group names to elements. */
    interface Groups {
        Element group(String name);

        Element term(String term);

        /** The one instance of an element equal to {@code element}, so that patterns share equal positions. */
        default Element shared(Element element) {
            return element;
        }
    }

    /**
     * Expands the shorthand that the matcher does not know: a choice containing a sequence or #END,
     * {@code (voor ..1 altijd|eeuwig)}, becomes one pattern per alternative, and an optional element {@code (het)?}
     * becomes a pattern with and one without it.
     */
    static List<String> expand(String source) {
        List<String> parts = split(source.trim());
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            boolean optional = part.endsWith(")?");
            String body = optional ? part.substring(0, part.length() - 1) : part;
            if (!body.startsWith("(") || !body.endsWith(")")) {
                continue;
            }
            String inner = body.substring(1, body.length() - 1);
            List<String> simple = new ArrayList<>();
            List<String> complex = new ArrayList<>();
            for (String alt : splitTopLevel(inner)) {
                (alt.contains(" ") || alt.contains("(") || alt.equals("#END") ? complex : simple).add(alt.trim());
            }
            if (complex.isEmpty() && !optional) {
                continue;
            }
            List<String> variants = new ArrayList<>();
            if (!simple.isEmpty()) {
                variants.add("(" + String.join("|", simple) + ")");
            }
            variants.addAll(complex);
            if (optional) {
                variants.add("");
            }
            List<String> out = new ArrayList<>();
            for (String v : variants) {
                List<String> copy = new ArrayList<>(parts);
                copy.set(i, v);
                out.addAll(expand(join(copy)));
            }
            return out;
        }
        return List.of(join(parts));
    }

    /** Splits alternatives on "|" outside nested brackets. */
    private static List<String> splitTopLevel(String inner) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                out.add(inner.substring(from, i));
                from = i + 1;
            }
        }
        out.add(inner.substring(from));
        return out;
    }

    /** Splits on spaces outside brackets. */
    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        for (char c : text.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            if (Character.isWhitespace(c) && depth == 0) {
                if (!cur.isEmpty()) {
                    parts.add(cur.toString());
                    cur.setLength(0);
                }
            } else {
                cur.append(c);
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("unbalanced brackets: " + text);
        }
        if (!cur.isEmpty()) {
            parts.add(cur.toString());
        }
        return parts;
    }

    /** Joins parts, merging gaps left around a dropped optional element ("a ..2 ..1 b" becomes "a ..3 b"). */
    private static String join(List<String> parts) {
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            if (p.isEmpty()) {
                continue;
            }
            int last = out.size() - 1;
            if (p.equals("#END") && last >= 0 && out.get(last).startsWith("..")) {
                out.set(last, p); // nothing may lie between a pattern and the end of its clause anyway
            } else if (p.startsWith("..") && last >= 0 && out.get(last).startsWith("..")) {
                int merged = Integer.parseInt(out.get(last).substring(2)) + Integer.parseInt(p.substring(2));
                out.set(last, ".." + merged);
            } else {
                out.add(p);
            }
        }
        while (!out.isEmpty() && out.get(0).startsWith("..")) {
            out.remove(0);
        }
        while (!out.isEmpty() && out.get(out.size() - 1).startsWith("..")) {
            out.remove(out.size() - 1);
        }
        return String.join(" ", out);
    }

    static CompiledPattern parse(String source, Groups groups) {
        String text = source.trim();
        int window = 0;
        if (text.startsWith("{")) {
            int close = text.indexOf('}');
            window = Integer.parseInt(text.substring(1, close).trim());
            text = text.substring(close + 1).trim();
        }
        List<Element> elements = new ArrayList<>();
        List<Integer> gaps = new ArrayList<>();
        boolean end = false;
        int pendingGap = 0;
        for (String part : text.split("\\s+")) {
            if (end) {
                throw new IllegalArgumentException("#END must come last: " + source);
            }
            if (part.startsWith("..")) {
                // in a window the order is free anyway, so "(iets ..1 aandoe|vermoord)" just adds words
                pendingGap = Integer.parseInt(part.substring(2));
            } else if (part.equals("#END")) {
                if (window > 0) {
                    throw new IllegalArgumentException("no #END in a window pattern: " + source);
                }
                end = true;
            } else {
                elements.add(element(part, groups, source));
                gaps.add(pendingGap);
                pendingGap = 0;
            }
        }
        if (elements.isEmpty() || elements.get(0).terms.isEmpty()) {
            throw new IllegalArgumentException("a pattern must start with words: " + source);
        }
        if (window > 0 && window < elements.size()) {
            throw new IllegalArgumentException("window smaller than the pattern: " + source);
        }
        return new CompiledPattern(source, elements.toArray(Element[]::new),
                gaps.stream().mapToInt(Integer::intValue).toArray(), end, window);
    }

    private static Element element(String part, Groups groups, String source) {
        String body = part;
        if (part.startsWith("(") && part.endsWith(")")) {
            body = part.substring(1, part.length() - 1);
        } else if (part.contains("|") || part.contains("(") || part.contains(")")) {
            throw new IllegalArgumentException("alternatives need brackets, without spaces: " + part + " in " + source);
        }
        Element e = new Element(new BitSet(), false, false);
        for (String alt : body.split("\\|")) {
            if (alt.isEmpty()) {
                throw new IllegalArgumentException("empty alternative in " + source);
            }
            if (alt.equals("#NUM")) {
                e = e.union(new Element(new BitSet(), true, false));
            } else if (alt.equals("#MANY")) {
                e = e.union(new Element(new BitSet(), false, true));
            } else if (alt.startsWith("$")) {
                e = e.union(groups.group(alt.substring(1)));
            } else {
                e = e.union(groups.term(alt));
            }
        }
        return groups.shared(e);
    }

    /** Whether every element has a candidate somewhere in the message; most patterns fail this cheap test. */
    boolean feasible(BitSet present, boolean anyNumber, boolean manyNumber) {
        for (Element e : bySpecificity) {
            if (!e.possible(present, anyNumber, manyNumber)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Tries to match with the first element at token {@code anchor}; returns the consumed token indexes, or null.
     * With {@code alternatives} a stretched word may match in any of its readings (see {@link Tokens#wordIds}):
     * for the rules that raise a level; idioms and markers read each word as the analyser chose it, so that a
     * reading the analyser did not choose never lowers anything.
     */
    int[] matchAt(Tokens t, int anchor, int sentenceEnd, Ends ends, boolean alternatives) {
        if (!elements[0].matches(t, anchor, alternatives)) {
            return null;
        }
        int[] used = new int[elements.length];
        used[0] = anchor;
        if (window > 0) {
            return matchWindow(t, anchor, sentenceEnd, used, alternatives);
        }
        return matchOrdered(t, 1, anchor, sentenceEnd, used, ends, alternatives) ? used : null;
    }

    private boolean matchOrdered(Tokens t, int k, int prev, int sentenceEnd, int[] used, Ends ends,
                                 boolean alternatives) {
        if (k == elements.length) {
            return !endAnchored || ends.endsClause(t, prev, sentenceEnd);
        }
        int last = Math.min(sentenceEnd - 1, prev + 1 + gaps[k]);
        for (int j = prev + 1; j <= last; j++) {
            if (elements[k].matches(t, j, alternatives)) {
                used[k] = j;
                if (matchOrdered(t, k + 1, j, sentenceEnd, used, ends, alternatives)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Any-order windows of three or more concepts may reach into the neighbouring sentences: people in crisis often
     * write in fragments ("motor draait. garagedeur dicht.", "I have the big knife. It is in my room. For tonight."),
     * and the window size still bounds how far apart the words may be. Two-word windows and ordered patterns stay
     * inside their sentence ("Ik wil naar huis. Dood moe ben ik." pairs nothing).
     */
    private int[] matchWindow(Tokens t, int anchor, int sentenceEnd, int[] used, boolean alternatives) {
        int sentenceStart = anchor;
        if (elements.length >= 3) {
            sentenceStart = 0;
            sentenceEnd = t.size;
        }
        while (sentenceStart > 0 && t.sentence[sentenceStart - 1] == t.sentence[anchor]) {
            sentenceStart--;
        }
        int lo = Math.max(sentenceStart, anchor - window + 1);
        int hi = Math.min(sentenceEnd - 1, anchor + window - 1);
        int[] budget = {MAX_WINDOW_TRIES};
        return placeRest(t, 1, anchor, anchor, lo, hi, used, budget, alternatives) ? used : null;
    }

    /**
     * Places elements {@code k..} nearest first, and tries the next occurrence of an element when the ones after it
     * cannot be placed within the window ("weet" earlier in the message must not hide the "weet" that fits). The
     * budget bounds the search on long messages full of repeated words.
     */
    private boolean placeRest(Tokens t, int k, int min, int max, int lo, int hi, int[] used, int[] budget,
                              boolean alternatives) {
        if (k == elements.length) {
            return true;
        }
        int anchor = used[0];
        for (int d = 1; d <= window - 1; d++) {
            for (int side = 0; side < 2; side++) {
                int j = side == 0 ? anchor + d : anchor - d;
                if (j < lo || j > hi || contains(used, k, j) || !elements[k].matches(t, j, alternatives)) {
                    continue;
                }
                int newMin = Math.min(min, j);
                int newMax = Math.max(max, j);
                if (newMax - newMin >= window) {
                    continue;
                }
                if (--budget[0] < 0) {
                    return false;
                }
                used[k] = j;
                if (placeRest(t, k + 1, newMin, newMax, lo, hi, used, budget, alternatives)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final int MAX_WINDOW_TRIES = 64;

    private static boolean contains(int[] used, int upTo, int j) {
        for (int i = 0; i < upTo; i++) {
            if (used[i] == j) {
                return true;
            }
        }
        return false;
    }

    /** Decides whether a clause ends after a token; supplied by the engine, which knows the filler words. */
    interface Ends {
        boolean endsClause(Tokens t, int last, int sentenceEnd);
    }
}
