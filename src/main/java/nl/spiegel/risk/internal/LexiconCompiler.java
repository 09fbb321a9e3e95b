package nl.spiegel.risk.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.spiegel.risk.internal.LexiconSpec.IdiomSpec;
import nl.spiegel.risk.internal.LexiconSpec.RuleSpec;
import nl.spiegel.risk.internal.RuleSet.Kind;
import nl.spiegel.risk.internal.RuleSet.Reserved;
import nl.spiegel.risk.internal.RuleSet.Rule;

import static nl.spiegel.risk.internal.RuleSet.MAX_PATTERNS_PER_RULE;

/**
 * Turns lexicon specs into a {@link RuleEngine}: resolves word groups, expands and compiles every pattern, checks ids
 * and suppressions, builds the anchor index and the text analyser with the lexicons' spelling and typo lists.
 */
final class LexiconCompiler {
    private LexiconCompiler() {
    }

    static RuleEngine compile(List<LexiconSpec> specs) {
        Vocabulary vocabulary = new Vocabulary();
        List<Rule> rules = new ArrayList<>();
        Element[][] reserved = new Element[Reserved.values().length][];
        List<String> languages = new ArrayList<>();
        Map<String, String[]> spelling = new HashMap<>();
        List<String> typos = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (LexiconSpec spec : specs) {
            if (!languages.contains(spec.language())) {
                languages.add(spec.language());
            }
        }
        int langs = languages.size();
        for (Reserved r : Reserved.values()) {
            reserved[r.ordinal()] = new Element[langs + 1];
            java.util.Arrays.fill(reserved[r.ordinal()], Element.empty());
        }
        for (LexiconSpec spec : specs) {
            for (var e : spec.spelling().entrySet()) {
                String[] old = spelling.putIfAbsent(e.getKey(), e.getValue());
                if (old != null && !String.join(" ", old).equals(String.join(" ", e.getValue()))) {
                    throw new IllegalArgumentException(spec.source() + ": spelling of '" + e.getKey() + "' conflicts with another lexicon");
                }
            }
        }
        for (LexiconSpec spec : specs) {
            versions.add(spec.source() + " v" + spec.version());
            GroupResolver groups = new GroupResolver(spec, vocabulary);
            int li = languages.indexOf(spec.language());
            for (Reserved r : Reserved.values()) {
                if (spec.groups().containsKey(r.name())) {
                    Element[] perLanguage = reserved[r.ordinal()];
                    Element g = groups.group(r.name());
                    perLanguage[li] = perLanguage[li].union(g);
                    perLanguage[langs] = perLanguage[langs].union(g); // the last slot: language unknown
                }
            }
            typos.addAll(spec.typos());
            for (RuleSpec r : spec.rules()) {
                if (!ids.add(r.id())) {
                    throw new IllegalArgumentException(spec.source() + ": duplicate rule id " + r.id());
                }
                rules.add(new Rule(r.id(), spec.language(), Kind.TRIGGER, r, null, null,
                        compile(r.patterns(), groups, r.id(), spelling), Set.copyOf(r.suppresses())));
            }
            for (IdiomSpec i : spec.idioms()) {
                if (!ids.add(i.id())) {
                    throw new IllegalArgumentException(spec.source() + ": duplicate idiom id " + i.id());
                }
                rules.add(new Rule(i.id(), spec.language(), Kind.IDIOM, null, i.to(), null,
                        compile(i.patterns(), groups, i.id(), spelling), Set.of()));
            }
            for (var m : spec.markers().entrySet()) {
                rules.add(new Rule(spec.language() + ".marker." + m.getKey(), spec.language(), Kind.MARKER, null, null,
                        m.getKey(), compile(m.getValue(), groups, "marker " + m.getKey(), spelling), Set.of()));
            }
        }
        for (Rule r : rules) {
            for (String s : r.suppresses()) {
                if (!ids.contains(s)) {
                    throw new IllegalArgumentException(r.id() + " suppresses unknown rule " + s);
                }
            }
        }
        // anchor index: term id -> dense indexes of the patterns whose first element contains the term
        List<List<Integer>> byTerm = new ArrayList<>();
        for (int i = 0; i < vocabulary.size(); i++) {
            byTerm.add(new ArrayList<>());
        }
        List<Integer> numeric = new ArrayList<>();
        int dense = 0;
        for (Rule rule : rules) {
            for (CompiledPattern pattern : rule.patterns()) {
                BitSet first = pattern.elements[0].terms;
                for (int id = first.nextSetBit(0); id >= 0; id = first.nextSetBit(id + 1)) {
                    byTerm.get(id).add(dense);
                }
                if (pattern.elements[0].anyNumber || pattern.elements[0].manyNumber) {
                    numeric.add(dense);
                }
                dense++;
            }
        }
        int[][] anchors = toArrays(byTerm);
        Set<String> known = new HashSet<>(vocabulary.knownSurfaces());
        for (var e : spelling.entrySet()) {
            known.add(e.getKey());
            known.addAll(List.of(e.getValue()));
        }
        Set<String> frozenKnown = Set.copyOf(known);
        TypoCorrector typoCorrector = new TypoCorrector(typos, frozenKnown);
        // a stretched or disguised word may also be misspelled: "zeeelmoooordgedachten"
        java.util.function.Predicate<String> lexical = w -> frozenKnown.contains(w) || vocabulary.covers(w)
                || typoCorrector.correct(w) != null;
        TextAnalyser analyser = new TextAnalyser(spelling, frozenKnown::contains, typoCorrector, frozenKnown, lexical);
        RuleSet set = new RuleSet(List.copyOf(rules), anchors, numeric.stream().mapToInt(Integer::intValue).toArray(),
                reserved, List.copyOf(languages), List.copyOf(versions));
        return new RuleEngine(analyser, vocabulary, set);
    }

    static int[][] toArrays(List<List<Integer>> lists) {
        int[][] arrays = new int[lists.size()][];
        for (int i = 0; i < arrays.length; i++) {
            arrays[i] = lists.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return arrays;
    }

    private static CompiledPattern[] compile(List<String> patterns, GroupResolver groups, String owner,
                                             Map<String, String[]> spelling) {
        List<CompiledPattern> out = new ArrayList<>();
        for (String pattern : patterns) {
            try {
                for (String expanded : CompiledPattern.expand(spelled(pattern, spelling))) {
                    out.add(CompiledPattern.parse(expanded, groups));
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(owner + ": " + e.getMessage() + " in \"" + pattern + "\"", e);
            }
        }
        if (out.size() > MAX_PATTERNS_PER_RULE) {
            throw new IllegalArgumentException(owner + ": too many patterns after expansion");
        }
        return out.toArray(CompiledPattern[]::new);
    }

    /**
     * Writes a pattern's words as the analyser will see them: a message's "won't" reaches the rules as "will not" and
     * "mn" as "mijn", so a pattern term written "won't" or "mn" could never match. Such a term becomes its spelling
     * ("will ..0 not"); prefix and suffix terms ("word*") and groups stay as written.
     */
    static String spelled(String pattern, Map<String, String[]> spelling) {
        StringBuilder out = new StringBuilder(pattern.length());
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= pattern.length(); i++) {
            char c = i < pattern.length() ? pattern.charAt(i) : ' ';
            if (c == ' ' || c == '(' || c == ')' || c == '|' || c == '?') {
                out.append(spelledWord(word.toString(), spelling));
                word.setLength(0);
                if (i < pattern.length()) {
                    out.append(c);
                }
            } else {
                word.append(c);
            }
        }
        return out.toString();
    }

    private static String spelledWord(String word, Map<String, String[]> spelling) {
        if (word.isEmpty() || word.startsWith("$") || word.startsWith("#") || word.startsWith("..")
                || word.startsWith("{") || word.endsWith("*") || word.startsWith("*")) {
            return word;
        }
        boolean exact = word.startsWith("=");
        String bare = exact ? word.substring(1) : word;
        String folded = Terms.fold(bare);
        String[] replacement = spelling.get(folded);
        if (replacement == null) {
            replacement = spelling.get(ChatSpellingFilter.clean(folded));
        }
        if (replacement == null || (replacement.length == 1 && replacement[0].equals(folded))) {
            return word;
        }
        String prefix = exact ? "=" : "";
        return prefix + String.join(" ..0 " + prefix, replacement);
    }

    /** Resolves "$NAME" in one lexicon's patterns against that lexicon's groups, which may use other groups. */
    private static final class GroupResolver implements CompiledPattern.Groups {
        private final LexiconSpec spec;
        private final Vocabulary vocabulary;
        private final Map<String, Element> cache = new HashMap<>();
        private final Set<String> resolving = new HashSet<>();
        /**
         * Equal pattern positions share one element: the groups expand into about 100,000 positions whose term sets,
         * each as long as the vocabulary, held most of the detector's memory (62 MB of 132 MB live heap at start).
         */
        private final Map<List<Object>, Element> shared = new HashMap<>();

        GroupResolver(LexiconSpec spec, Vocabulary vocabulary) {
            this.spec = spec;
            this.vocabulary = vocabulary;
        }

        @Override
        public Element shared(Element element) {
            return shared.computeIfAbsent(List.of(element.terms, element.anyNumber, element.manyNumber), key -> element);
        }

        @Override
        public Element group(String name) {
            Element cached = cache.get(name);
            if (cached != null) {
                return cached;
            }
            List<String> words = spec.groups().get(name);
            if (words == null) {
                throw new IllegalArgumentException("unknown group $" + name + " in " + spec.source());
            }
            if (!resolving.add(name)) {
                throw new IllegalArgumentException("group $" + name + " includes itself in " + spec.source());
            }
            Element e = Element.empty();
            for (String w : words) {
                if (w.startsWith("$")) {
                    e = e.union(group(w.substring(1)));
                } else if (w.equals("#NUM") || w.equals("#MANY")) {
                    e = e.union(new Element(new BitSet(), w.equals("#NUM"), w.equals("#MANY")));
                } else {
                    if (w.contains(" ")) {
                        throw new IllegalArgumentException("group $" + name + " entries are single words: '" + w + "'");
                    }
                    e = e.union(term(w));
                }
            }
            resolving.remove(name);
            cache.put(name, e);
            return e;
        }

        @Override
        public Element term(String term) {
            BitSet b = new BitSet();
            b.set(vocabulary.intern(spec.language(), term));
            return new Element(b, false, false);
        }
    }
}
