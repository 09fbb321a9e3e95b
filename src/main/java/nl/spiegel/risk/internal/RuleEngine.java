package nl.spiegel.risk.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.spiegel.risk.RiskAssessment;
import nl.spiegel.risk.RiskLevel;
import nl.spiegel.risk.RiskMatch;
import nl.spiegel.risk.internal.LexiconSpec.IdiomSpec;
import nl.spiegel.risk.internal.LexiconSpec.RuleSpec;

/**
 * Compiled lexicons of all languages plus the logic around them. Immutable and thread-safe.
 *
 * <p>Per message: analyse and tag the tokens, find every rule, idiom and marker pattern (anchored on its first word,
 * so only rules whose first word occurs are tried), then adjust each rule match in a fixed order:
 * <ol>
 *   <li>denial: a negator outside the pattern, in the same clause, cancels it; with a hedge ("niet echt", "no plans",
 *   "I don't think") it becomes CONCERN;</li>
 *   <li>idiom: a trigger word inside an idiom frame is lowered, unless a means, plan or time word is near;</li>
 *   <li>third party: someone else as the subject lowers self-directed rules to CONCERN, unless the rule keeps its
 *   level (medical emergencies, abuse) or something is imminent;</li>
 *   <li>time: a past marker lowers history-type rules, a recent marker raises them;</li>
 *   <li>suppression: a rule may cancel another on the same words (unwanted intrusive thoughts cancel intent);</li>
 *   <li>means: a first-person worry plus a named means (pills, rope, 💊) anywhere in the message becomes CRISIS.</li>
 * </ol>
 * All languages' rules run on every message, because Dutch chat switches to English mid-sentence.
 */
public final class RuleEngine {
    static final int MAX_PATTERNS_PER_RULE = 256;
    private static final int NEG_BEFORE = 6;
    // a negator after the trigger negates the next verb ("de drang om te snijden niet weerstaan"), not the trigger
    private static final int NEG_AFTER = 0;
    private static final int CONTEXT_WINDOW = 4;
    private static final int HEDGE_NEAR_WINDOW = 3;
    /** Result of {@code actor} when the rule is about the writer. */
    private static final int WRITER = -1;
    /** Word groups the engine itself reads; their meaning is documented in the header of risk/nl.yaml. */
    private enum Reserved {
        NEG, HEDGE_NEAR, FIRST, FIRST_SELF, OTHER, OTHER_PRONOUN, OTHER_SELF, BREAK, SUBCLAUSE, FILLER, MEANS, NO_MEANS,
        PLANNED, PREPOSITION, FUNCTION
    }

    private final TextAnalyser analyser;
    private final Vocabulary vocabulary;
    private final List<Rule> rules;
    private final int[][] anchors;
    private final int[] numberAnchors;
    /** Reserved groups per language (index as in {@link #languages}), so Dutch "want" (because) never splits an English clause. */
    private final Element[][] reserved;
    private final List<String> languages;
    private final List<String> versions;

    /** A rule, idiom or marker after compilation. */
    private record Rule(String id, String language, Kind kind, RuleSpec spec, RiskLevel idiomTo, String marker,
                        CompiledPattern[] patterns, Set<String> suppresses) {
    }

    private enum Kind { TRIGGER, IDIOM, MARKER }

    private record Hit(int rule, int first, int last, int[] used) {
        boolean uses(int i) {
            for (int u : used) {
                if (u == i) {
                    return true;
                }
            }
            return false;
        }
    }

    private record Mod(String id, int first, int last) {
    }

    private RuleEngine(TextAnalyser analyser, Vocabulary vocabulary, List<Rule> rules, int[][] anchors,
                       int[] numberAnchors, Element[][] reserved, List<String> languages,
                       List<String> versions) {
        this.analyser = analyser;
        this.vocabulary = vocabulary;
        this.rules = rules;
        this.anchors = anchors;
        this.numberAnchors = numberAnchors;
        this.reserved = reserved;
        this.languages = languages;
        this.versions = versions;
        this.patternOffset = new int[rules.size()];
        int total = 0;
        for (int r = 0; r < rules.size(); r++) {
            patternOffset[r] = total;
            total += rules.get(r).patterns().length;
        }
        this.patternCount = total;
    }

    /** Dense index of each rule's first pattern, so per-message state is one small array, not rules × 256. */
    private final int[] patternOffset;
    private final int patternCount;

    /** Lexicon sources and versions, e.g. "risk/nl.yaml v3", for the record kept with an assessment. */
    public List<String> versions() {
        return versions;
    }

    public static RuleEngine compile(List<LexiconSpec> specs) {
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
            for (var e : spec.spelling().entrySet()) {
                String[] old = spelling.putIfAbsent(e.getKey(), e.getValue());
                if (old != null && !String.join(" ", old).equals(String.join(" ", e.getValue()))) {
                    throw new IllegalArgumentException(spec.source() + ": spelling of '" + e.getKey() + "' conflicts with another lexicon");
                }
            }
            typos.addAll(spec.typos());
            for (RuleSpec r : spec.rules()) {
                if (!ids.add(r.id())) {
                    throw new IllegalArgumentException(spec.source() + ": duplicate rule id " + r.id());
                }
                rules.add(new Rule(r.id(), spec.language(), Kind.TRIGGER, r, null, null,
                        compile(r.patterns(), groups, r.id()), Set.copyOf(r.suppresses())));
            }
            for (IdiomSpec i : spec.idioms()) {
                if (!ids.add(i.id())) {
                    throw new IllegalArgumentException(spec.source() + ": duplicate idiom id " + i.id());
                }
                rules.add(new Rule(i.id(), spec.language(), Kind.IDIOM, null, i.to(), null,
                        compile(i.patterns(), groups, i.id()), Set.of()));
            }
            for (var m : spec.markers().entrySet()) {
                rules.add(new Rule(spec.language() + ".marker." + m.getKey(), spec.language(), Kind.MARKER, null, null,
                        m.getKey(), compile(m.getValue(), groups, "marker " + m.getKey()), Set.of()));
            }
        }
        for (Rule r : rules) {
            for (String s : r.suppresses()) {
                if (!ids.contains(s)) {
                    throw new IllegalArgumentException(r.id() + " suppresses unknown rule " + s);
                }
            }
        }
        // anchor index: term id -> (rule, pattern) pairs whose first element contains the term
        List<List<Integer>> byTerm = new ArrayList<>();
        for (int i = 0; i < vocabulary.size(); i++) {
            byTerm.add(new ArrayList<>());
        }
        List<Integer> numeric = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            CompiledPattern[] ps = rules.get(r).patterns();
            for (int p = 0; p < ps.length; p++) {
                int ref = r * MAX_PATTERNS_PER_RULE + p;
                BitSet first = ps[p].elements[0].terms;
                for (int id = first.nextSetBit(0); id >= 0; id = first.nextSetBit(id + 1)) {
                    byTerm.get(id).add(ref);
                }
                if (ps[p].elements[0].anyNumber || ps[p].elements[0].manyNumber) {
                    numeric.add(ref);
                }
            }
        }
        int[][] anchors = new int[byTerm.size()][];
        for (int i = 0; i < anchors.length; i++) {
            anchors[i] = byTerm.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
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
        return new RuleEngine(analyser, vocabulary, List.copyOf(rules), anchors,
                numeric.stream().mapToInt(Integer::intValue).toArray(), reserved, List.copyOf(languages),
                List.copyOf(versions));
    }

    private static CompiledPattern[] compile(List<String> patterns, GroupResolver groups, String owner) {
        List<CompiledPattern> out = new ArrayList<>();
        for (String pattern : patterns) {
            try {
                for (String expanded : CompiledPattern.expand(pattern)) {
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

    /** Resolves "$NAME" in one lexicon's patterns against that lexicon's groups, which may use other groups. */
    private static final class GroupResolver implements CompiledPattern.Groups {
        private final LexiconSpec spec;
        private final Vocabulary vocabulary;
        private final Map<String, Element> cache = new HashMap<>();
        private final Set<String> resolving = new HashSet<>();

        GroupResolver(LexiconSpec spec, Vocabulary vocabulary) {
            this.spec = spec;
            this.vocabulary = vocabulary;
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

    // ---------------------------------------------------------------- assessment

    public RiskAssessment assess(String text, String languageHint) {
        if (text == null || text.isBlank()) {
            return RiskAssessment.none();
        }
        return assess(analyse(text), languageHint);
    }

    /** The analysed form of a message, as the rules see it; shared with the learned model so it is analysed once. */
    public Tokens analyse(String text) {
        return analyser.analyse(text);
    }

    /** The bolder reading of a message that writes digits for letters; assess it too and keep the higher. */
    public Tokens analyseBoldly(String text) {
        return analyser.analyseBoldly(text);
    }

    /** Assesses tokens from {@link #analyse} (each {@link Tokens} object is used for one assessment only). */
    public RiskAssessment assess(Tokens t, String languageHint) {
        return assess(t, languageHint, true);
    }

    /**
     * @param idioms false after an earlier crisis message in the same conversation: then no idiom frame lowers a
     *               rule
     */
    public RiskAssessment assess(Tokens t, String languageHint, boolean idiomsLower) {
        if (t.size == 0) {
            return RiskAssessment.none();
        }
        vocabulary.tag(t);
        // List.copyOf lists reject indexOf(null)
        Message m = new Message(t, languageHint == null ? -1 : languages.indexOf(languageHint));
        List<Hit> hits = findHits(m);
        if (hits.isEmpty()) {
            return RiskAssessment.none();
        }
        List<Hit> triggers = new ArrayList<>();
        List<Hit> idioms = new ArrayList<>();
        for (Hit h : hits) {
            Rule r = rules.get(h.rule());
            switch (r.kind()) {
                case TRIGGER -> triggers.add(h);
                case IDIOM -> idioms.add(h);
                case MARKER -> m.mark(r.marker(), h);
            }
        }
        if (triggers.isEmpty()) {
            return RiskAssessment.none();
        }
        int k = triggers.size();
        RiskLevel[] level = new RiskLevel[k];
        List<List<Mod>> mods = new ArrayList<>();
        boolean[] firstPerson = new boolean[k];
        for (int i = 0; i < k; i++) {
            Hit h = triggers.get(i);
            Rule r = rules.get(h.rule());
            List<Mod> ms = new ArrayList<>(2);
            mods.add(ms);
            level[i] = r.spec().level();
            level[i] = denial(m, h, r, level[i], ms);
            if (idiomsLower) {
                level[i] = idiom(m, h, idioms, level[i], ms);
            }
            int actor = actor(m, h);
            firstPerson[i] = actor < 0;
            if (actor >= 0 && level[i] != RiskLevel.NONE) {
                level[i] = thirdParty(m, h, r, level[i], actor, ms);
            }
            if (level[i] != RiskLevel.NONE) {
                level[i] = time(m, h, r, level[i], ms);
            }
            if (level[i] == RiskLevel.CRISIS && firstPerson[i] && r.spec().negatable()) {
                // "ik ga het niet doen, maar ik denk er elke dag aan": a reassurance earlier in the sentence is a
                // hedged denial of what follows
                int reassure = m.marked("reassure", h.first(), m.sentenceStart[h.first()], h.first() - 1);
                if (reassure >= 0) {
                    level[i] = RiskLevel.CONCERN;
                    ms.add(new Mod(r.language() + ".modifier.hedged-denial", reassure, reassure));
                }
            }
        }
        for (int i = 0; i < k; i++) {
            Rule r = rules.get(triggers.get(i).rule());
            if (r.suppresses().isEmpty() || level[i] == RiskLevel.NONE) {
                continue;
            }
            for (int j = 0; j < k; j++) {
                Hit other = triggers.get(j);
                Hit self = triggers.get(i);
                // only the words this rule explains: "ik wou dat ik dood was" cancels "wou .. dood", not a
                // separate "ik wil dood" later in the sentence
                if (r.suppresses().contains(rules.get(other.rule()).id())
                        && other.first() <= self.last() && self.first() <= other.last()) {
                    level[j] = RiskLevel.NONE;
                    mods.get(j).add(new Mod(r.id(), triggers.get(i).first(), triggers.get(i).last()));
                }
            }
        }
        for (int i = 0; i < k; i++) {
            Rule r = rules.get(triggers.get(i).rule());
            RiskLevel withMeans = r.spec().withMeans();
            if (withMeans != null && firstPerson[i] && level[i] != RiskLevel.NONE && level[i].compareTo(withMeans) < 0) {
                int means = meansToken(m, idioms, triggers.get(i));
                if (means >= 0) {
                    level[i] = withMeans;
                    mods.get(i).add(new Mod(r.language() + ".modifier.with-means", means, means));
                }
            }
        }
        return result(t, triggers, level, mods);
    }

    private RiskAssessment result(Tokens t, List<Hit> triggers, RiskLevel[] level, List<List<Mod>> mods) {
        RiskLevel max = RiskLevel.NONE;
        List<RiskMatch> matches = new ArrayList<>();
        Set<String> ruleIds = new LinkedHashSet<>();
        Set<RiskMatch> seen = new HashSet<>();
        Integer[] order = new Integer[triggers.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Integer.compare(triggers.get(a).first(), triggers.get(b).first()));
        for (int i : order) {
            Hit h = triggers.get(i);
            max = RiskLevel.max(max, level[i]);
            RiskMatch match = new RiskMatch(rules.get(h.rule()).id(), level[i], t.start[h.first()], t.end[h.last()]);
            if (seen.add(match)) {
                matches.add(match);
            }
            for (Mod mod : mods.get(i)) {
                RiskMatch mm = new RiskMatch(mod.id(), level[i], t.start[mod.first()], t.end[mod.last()]);
                if (seen.add(mm)) {
                    matches.add(mm);
                }
            }
            if (level[i] != RiskLevel.NONE) {
                ruleIds.add(match.ruleId());
                for (Mod mod : mods.get(i)) {
                    ruleIds.add(mod.id());
                }
            }
        }
        return new RiskAssessment(max, matches, List.copyOf(ruleIds));
    }

    // ---------------------------------------------------------------- matching

    /** Per-message derived facts: sentence spans, clause numbers with conjunction breaks, marked tokens. */
    private final class Message {
        final Tokens t;
        final int[] sentenceStart;
        final int[] sentenceEnd;
        /** Clauses for negation scope: punctuation plus BREAK words ("maar", "but", "because"). */
        final int[] negClause;
        /** Clauses for finding the subject: also SUBCLAUSE words ("dat", "that"). */
        final int[] actorClause;
        final Map<String, BitSet> marked = new HashMap<>();
        /** Language of each token's clause (index into languages), or languages.size() when unclear. */
        final int[] lang;

        Message(Tokens t, int hint) {
            this.t = t;
            int n = t.size;
            lang = clauseLanguages(t, hint);
            sentenceStart = new int[n];
            sentenceEnd = new int[n];
            negClause = new int[n];
            actorClause = new int[n];
            int s = 0;
            int nc = 0;
            int ac = 0;
            for (int i = 0; i < n; i++) {
                if (i == 0 || t.sentence[i] != t.sentence[i - 1]) {
                    s = i;
                }
                sentenceStart[i] = s;
                if (i > 0 && t.clause[i] != t.clause[i - 1]) {
                    nc++;
                    ac++;
                } else if (i > 0 && is(Reserved.BREAK, i)) {
                    nc++;
                    ac++;
                } else if (i > 0 && is(Reserved.SUBCLAUSE, i)) {
                    ac++;
                }
                negClause[i] = nc;
                actorClause[i] = ac;
            }
            int e = n;
            for (int i = n - 1; i >= 0; i--) {
                if (i == n - 1 || t.sentence[i] != t.sentence[i + 1]) {
                    e = i + 1;
                }
                sentenceEnd[i] = e;
            }
        }

        void mark(String marker, Hit h) {
            BitSet b = marked.computeIfAbsent(marker, x -> new BitSet());
            for (int u : h.used()) {
                b.set(u);
            }
        }

        /** First token in [from, to] (clipped to the sentence of {@code at}) carrying the marker, or -1. */
        int marked(String marker, int at, int from, int to) {
            BitSet b = marked.get(marker);
            if (b == null) {
                return -1;
            }
            int lo = Math.max(from, sentenceStart[at]);
            int hi = Math.min(to, sentenceEnd[at] - 1);
            int i = b.nextSetBit(lo);
            return i >= 0 && i <= hi ? i : -1;
        }

        /** Whether token i belongs to a reserved group of its clause's language. */
        boolean is(Reserved group, int i) {
            return reserved[group.ordinal()][lang[i]].matches(t, i);
        }

        boolean endsClause(int last) {
            int end = sentenceEnd[last];
            for (int j = last + 1; j < end; j++) {
                if (t.clause[j] != t.clause[last] || is(Reserved.BREAK, j)) {
                    return true;
                }
                boolean emoji = !Character.isLetterOrDigit(t.term[j].codePointAt(0));
                if (!emoji && !is(Reserved.FILLER, j)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Guesses the language of each punctuation clause from its function words ("ik", "het", "niet" against "i",
     * "the", "not"); a tie falls back to the message as a whole, then to the caller's hint, then to "unclear", where
     * the reserved groups of all languages apply.
     */
    private int[] clauseLanguages(Tokens t, int hint) {
        int langs = languages.size();
        int[] out = new int[t.size];
        int[] total = new int[langs];
        Map<Integer, int[]> perClause = new HashMap<>();
        for (int i = 0; i < t.size; i++) {
            int[] counts = perClause.computeIfAbsent(t.clause[i], k -> new int[langs]);
            for (int l = 0; l < langs; l++) {
                if (reserved[Reserved.FUNCTION.ordinal()][l].matches(t, i)) {
                    counts[l]++;
                    total[l]++;
                }
            }
        }
        int messageLang = best(total, hint < 0 ? langs : hint);
        for (int i = 0; i < t.size; i++) {
            out[i] = best(perClause.get(t.clause[i]), messageLang);
        }
        return out;
    }

    private static int best(int[] counts, int tie) {
        int best = -1;
        int bestCount = 0;
        boolean tied = false;
        for (int l = 0; l < counts.length; l++) {
            if (counts[l] > bestCount) {
                best = l;
                bestCount = counts[l];
                tied = false;
            } else if (counts[l] == bestCount && bestCount > 0) {
                tied = true;
            }
        }
        return best < 0 || tied ? tie : best;
    }

    /** Per-message search state: which words occur, and which patterns could possibly match. */
    private final class Search {
        final Tokens t;
        final CompiledPattern.Ends ends;
        final BitSet present = new BitSet();
        boolean anyNumber;
        boolean manyNumber;
        /** Per pattern reference: 0 not yet known, 1 feasible, 2 impossible. */
        final byte[] feasible = new byte[patternCount];
        final List<Hit> hits = new ArrayList<>();
        /** (rule, first, last) to index in hits: one hit per span, the one that explains the most words. */
        final Map<Long, Integer> seen = new HashMap<>();

        Search(Message m) {
            this.t = m.t;
            this.ends = (tokens, last, sentenceEnd) -> m.endsClause(last);
            for (int i = 0; i < t.size; i++) {
                for (int id : t.termIds[i]) {
                    present.set(id);
                }
                anyNumber |= t.number[i] >= 0;
                manyNumber |= t.number[i] >= Element.MANY;
            }
        }
    }

    private List<Hit> findHits(Message m) {
        Tokens t = m.t;
        Search search = new Search(m);
        for (int i = 0; i < t.size; i++) {
            int end = m.sentenceEnd[i];
            for (int id : t.termIds[i]) {
                for (int ref : anchors[id]) {
                    tryPattern(search, i, end, ref);
                }
            }
            if (t.number[i] >= 0) {
                for (int ref : numberAnchors) {
                    tryPattern(search, i, end, ref);
                }
            }
        }
        return search.hits;
    }

    private void tryPattern(Search s, int anchor, int end, int ref) {
        int r = ref / MAX_PATTERNS_PER_RULE;
        CompiledPattern p = rules.get(r).patterns()[ref % MAX_PATTERNS_PER_RULE];
        int dense = patternOffset[r] + ref % MAX_PATTERNS_PER_RULE;
        byte known = s.feasible[dense];
        if (known == 0) {
            known = p.feasible(s.present, s.anyNumber, s.manyNumber) ? (byte) 1 : (byte) 2;
            s.feasible[dense] = known;
        }
        if (known == 2) {
            return;
        }
        Tokens t = s.t;
        int[] used = p.matchAt(t, anchor, end, s.ends);
        if (used == null) {
            return;
        }
        int first = Integer.MAX_VALUE;
        int last = -1;
        for (int u : used) {
            first = Math.min(first, u);
            last = Math.max(last, u);
        }
        long key = ((long) r << 40) | ((long) first << 20) | last;
        Integer previous = s.seen.get(key);
        if (previous == null) {
            s.seen.put(key, s.hits.size());
            s.hits.add(new Hit(r, first, last, used));
        } else if (s.hits.get(previous).used().length < used.length) {
            // "so I don't gain": the variant that also consumed the negator is the right reading
            s.hits.set(previous, new Hit(r, first, last, used));
        }
    }

    // ---------------------------------------------------------------- modifiers

    private RiskLevel denial(Message m, Hit h, Rule r, RiskLevel level, List<Mod> mods) {
        if (!r.spec().negatable()) {
            return level;
        }
        Tokens t = m.t;
        int lo = Math.max(m.sentenceStart[h.first()], h.first() - NEG_BEFORE);
        int hi = Math.min(m.sentenceEnd[h.first()] - 1, h.last() + NEG_AFTER);
        int negator = -1;
        for (int i = lo; i <= hi && negator < 0; i++) {
            // a negator counts only in a clause that holds words of the match: in "sorry, ik kan niet meer, dag
            // allemaal" the "niet" belongs to the despair, not to the farewell around it
            if (!h.uses(i) && m.is(Reserved.NEG, i) && sharesClause(m, h, i)) {
                negator = i;
            }
        }
        if (negator < 0) {
            return level;
        }
        int hedge = m.marked("hedge", h.first(), 0, Integer.MAX_VALUE);
        // "ik denk er niet aan", "I'm not thinking of it": the thinking verb is what is denied, not a hedge
        while (hedge >= 0 && m.marked("not-hedge", hedge, hedge, hedge) == hedge) {
            hedge = m.marked("hedge", h.first(), hedge + 1, Integer.MAX_VALUE);
        }
        if (hedge < 0) {
            // only after the negator: "niet echt" softens, "echt niet" insists
            for (int i = negator + 1; i <= Math.min(m.sentenceEnd[negator] - 1, negator + HEDGE_NEAR_WINDOW) && hedge < 0; i++) {
                boolean insists = i + 1 < m.sentenceEnd[negator] && m.is(Reserved.NEG, i + 1); // "..., echt niet"
                if (i != negator && !h.uses(i) && m.is(Reserved.HEDGE_NEAR, i) && !insists
                        && m.marked("not-hedge", i, i, i) != i) {
                    hedge = i;
                }
            }
        }
        if (hedge >= 0) {
            mods.add(new Mod(r.language() + ".modifier.hedged-denial", Math.min(negator, hedge), Math.max(negator, hedge)));
            return RiskLevel.min(level, RiskLevel.CONCERN);
        }
        mods.add(new Mod(r.language() + ".modifier.denial", negator, negator));
        return RiskLevel.NONE;
    }

    private static boolean sharesClause(Message m, Hit h, int i) {
        for (int u : h.used()) {
            if (m.negClause[u] == m.negClause[i]) {
                return true;
            }
        }
        return false;
    }

    private RiskLevel idiom(Message m, Hit h, List<Hit> idioms, RiskLevel level, List<Mod> mods) {
        RuleSpec spec = rules.get(h.rule()).spec();
        if (spec != null && !spec.idiomable()) {
            return level;
        }
        for (Hit idiom : idioms) {
            if (m.t.sentence[idiom.first()] != m.t.sentence[h.first()]) {
                continue;
            }
            boolean overlaps = false;
            for (int u : h.used()) {
                overlaps |= u >= idiom.first() && u <= idiom.last();
            }
            if (!overlaps) {
                continue;
            }
            // a means, plan or time word near the trigger means this may not be a figure of speech after all
            int from = Math.min(h.first(), idiom.first()) - CONTEXT_WINDOW;
            int to = Math.max(h.last(), idiom.last()) + CONTEXT_WINDOW;
            int context = m.marked("context", h.first(), from, to);
            while (context >= 0 && idiom.uses(context)) {
                context = m.marked("context", h.first(), context + 1, to);
            }
            if (context >= 0) {
                continue;
            }
            Rule ir = rules.get(idiom.rule());
            if (ir.idiomTo().compareTo(level) < 0) {
                mods.add(new Mod(ir.id(), idiom.first(), idiom.last()));
                level = ir.idiomTo();
            }
        }
        return level;
    }

    /**
     * Who the rule is about: {@link #WRITER} for the writer, also when nobody is named, or the index of the token
     * naming someone else (which may be 0, the first word). Reflexives in the match decide first ("kill himself"); otherwise the
     * nearest subject before the trigger's last word within its clause, then just after it (Dutch inversion:
     * "vanavond wil ze dood").
     */
    private int actor(Message m, Hit h) {
        for (int u : h.used()) {
            if (m.is(Reserved.FIRST_SELF, u)) {
                return WRITER;
            }
        }
        for (int u : h.used()) {
            if (m.is(Reserved.OTHER_SELF, u)) {
                return u;
            }
        }
        int clause = m.actorClause[h.last()];
        for (int i = h.last(); i >= m.sentenceStart[h.last()] && m.actorClause[i] == clause; i--) {
            if (m.is(Reserved.FIRST, i)) {
                return WRITER;
            }
            if (m.is(Reserved.OTHER, i) && !afterPreposition(m, i)) {
                return i;
            }
        }
        // after the trigger only pronouns count ("vanavond wil ze dood"): a noun there is usually a vocative or
        // filler ("ik wil nie meer leven man", "I want to die bro")
        for (int i = h.last() + 1; i < Math.min(m.sentenceEnd[h.last()], h.last() + 3) && m.actorClause[i] == clause; i++) {
            if (m.is(Reserved.FIRST, i)) {
                return WRITER;
            }
            if (m.is(Reserved.OTHER_PRONOUN, i)) {
                return i;
            }
        }
        return WRITER;
    }

    /** "de pillen van mijn moeder", "for my brother": a person after a preposition is not the subject. */
    private static boolean afterPreposition(Message m, int i) {
        for (int j = Math.max(m.sentenceStart[i], i - 2); j < i; j++) {
            if (m.is(Reserved.PREPOSITION, j)) {
                return true;
            }
        }
        return false;
    }

    private RiskLevel thirdParty(Message m, Hit h, Rule r, RiskLevel level, int actor, List<Mod> mods) {
        RuleSpec s = r.spec();
        if (s.othersImminent() != null) {
            int imminent = m.marked("imminent", h.first(), 0, Integer.MAX_VALUE);
            if (imminent >= 0) {
                mods.add(new Mod(r.language() + ".modifier.third-party-imminent", actor, actor));
                return s.othersImminent();
            }
        }
        RiskLevel others = s.others() != null ? s.others() : RiskLevel.min(level, RiskLevel.CONCERN);
        if (others != level) {
            mods.add(new Mod(r.language() + ".modifier.third-party", actor, actor));
        }
        return others;
    }

    private RiskLevel time(Message m, Hit h, Rule r, RiskLevel level, List<Mod> mods) {
        RuleSpec s = r.spec();
        if (s.recent() == null && s.past() == null) {
            return level;
        }
        int recent = m.marked("recent", h.first(), 0, Integer.MAX_VALUE);
        if (recent >= 0) {
            // "years ago, and again last night": the recent event decides
            if (s.recent() != null && s.recent() != level) {
                mods.add(new Mod(r.language() + ".modifier.recent", recent, recent));
                return s.recent();
            }
            return level;
        }
        if (s.past() != null) {
            int past = m.marked("past", h.first(), 0, Integer.MAX_VALUE);
            if (past >= 0) {
                if (s.past() != level) {
                    mods.add(new Mod(r.language() + ".modifier.past", past, past));
                }
                return s.past();
            }
        }
        return level;
    }

    /**
     * A means or a plan named anywhere in the message, not negated ("geen pillen in huis", "niet van plan"), not
     * inside an idiom and not one of the words of the worry itself.
     */
    private int meansToken(Message m, List<Hit> idioms, Hit self) {
        Tokens t = m.t;
        // "... en ik weet ook hoe": a plan marker anywhere in the message
        BitSet plans = m.marked.get("plan");
        if (plans != null) {
            for (int i = plans.nextSetBit(0); i >= 0; i = plans.nextSetBit(i + 1)) {
                if (!self.uses(i)) {
                    return i;
                }
            }
        }
        outer:
        for (int i = 0; i < t.size; i++) {
            boolean plan = m.is(Reserved.PLANNED, i);
            // "I hope a truck hits me": a means inside the passive wish itself is part of the fantasy, not a plan
            if (!plan && !m.is(Reserved.MEANS, i) || self.uses(i)) {
                continue;
            }
            // a plan may be denied by any negator ("ik ben niet van plan"); a means only by a determiner, because
            // "ik kan niet meer 💊" has a negator that belongs to the despair, not to the pills
            for (int j = Math.max(m.sentenceStart[i], i - 5); plan && j < i; j++) {
                if (m.is(Reserved.NEG, j) && m.negClause[j] == m.negClause[i]) {
                    continue outer;
                }
            }
            // "geen pillen in huis", "no plans": a negating determiner right before the means
            for (int j = Math.max(m.sentenceStart[i], i - 2); j < i; j++) {
                if (m.is(Reserved.NO_MEANS, j)) {
                    continue outer;
                }
            }
            for (Hit idiom : idioms) {
                if (i >= idiom.first() && i <= idiom.last()) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
