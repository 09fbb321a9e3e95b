package nl.spiegel.risk.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.spiegel.risk.RiskAssessment;
import nl.spiegel.risk.RiskLevel;
import nl.spiegel.risk.RiskMatch;
import nl.spiegel.risk.internal.HitFinder.Hit;
import nl.spiegel.risk.internal.Modifiers.Mod;
import nl.spiegel.risk.internal.RuleSet.Rule;

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
 *
 * <p>The parts: {@link LexiconCompiler} builds the {@link RuleSet}, {@link Message} holds the per-message facts,
 * {@link HitFinder} finds the matches and {@link Modifiers} adjusts them; this class runs them in order.
 */
public final class RuleEngine {
    private final TextAnalyser analyser;
    private final Vocabulary vocabulary;
    private final RuleSet set;
    private final HitFinder finder;
    private final Modifiers modifiers;

    RuleEngine(TextAnalyser analyser, Vocabulary vocabulary, RuleSet set) {
        this.analyser = analyser;
        this.vocabulary = vocabulary;
        this.set = set;
        this.finder = new HitFinder(set);
        this.modifiers = new Modifiers(set);
    }

    public static RuleEngine compile(List<LexiconSpec> specs) {
        return LexiconCompiler.compile(specs);
    }

    /** Lexicon sources and versions, e.g. "risk/nl.yaml v3", for the record kept with an assessment. */
    public List<String> versions() {
        return set.versions;
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
        Message m = new Message(set, t, languageHint == null ? -1 : set.languages.indexOf(languageHint));
        List<Hit> hits = finder.findHits(m);
        if (hits.isEmpty()) {
            return RiskAssessment.none();
        }
        List<Hit> triggers = new ArrayList<>();
        List<Hit> idioms = new ArrayList<>();
        for (Hit h : hits) {
            Rule r = set.rule(h.rule());
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
            Rule r = set.rule(h.rule());
            List<Mod> ms = new ArrayList<>(2);
            mods.add(ms);
            level[i] = r.spec().level();
            level[i] = modifiers.denial(m, h, r, level[i], ms);
            if (idiomsLower) {
                level[i] = modifiers.idiom(m, h, idioms, level[i], ms);
            }
            int actor = modifiers.actor(m, h);
            firstPerson[i] = actor < 0;
            if (actor >= 0 && level[i] != RiskLevel.NONE) {
                level[i] = modifiers.thirdParty(m, h, r, level[i], actor, ms);
            }
            if (level[i] != RiskLevel.NONE) {
                level[i] = modifiers.time(m, h, r, level[i], ms);
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
            Rule r = set.rule(triggers.get(i).rule());
            if (r.suppresses().isEmpty() || level[i] == RiskLevel.NONE) {
                continue;
            }
            for (int j = 0; j < k; j++) {
                Hit other = triggers.get(j);
                Hit self = triggers.get(i);
                // only the words this rule explains: "ik wou dat ik dood was" cancels "wou .. dood", not a
                // separate "ik wil dood" later in the sentence
                if (r.suppresses().contains(set.rule(other.rule()).id())
                        && other.first() <= self.last() && self.first() <= other.last()) {
                    level[j] = RiskLevel.NONE;
                    mods.get(j).add(new Mod(r.id(), triggers.get(i).first(), triggers.get(i).last()));
                }
            }
        }
        for (int i = 0; i < k; i++) {
            Rule r = set.rule(triggers.get(i).rule());
            RiskLevel withMeans = r.spec().withMeans();
            if (withMeans != null && firstPerson[i] && level[i] != RiskLevel.NONE && level[i].compareTo(withMeans) < 0) {
                int means = modifiers.meansToken(m, idioms, triggers.get(i));
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
        Arrays.sort(order, (a, b) -> Integer.compare(triggers.get(a).first(), triggers.get(b).first()));
        for (int i : order) {
            Hit h = triggers.get(i);
            max = RiskLevel.max(max, level[i]);
            RiskMatch match = new RiskMatch(set.rule(h.rule()).id(), level[i], t.start[h.first()], t.end[h.last()]);
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
}
