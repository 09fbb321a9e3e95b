package nl.spiegel.risk.internal;

import java.util.BitSet;
import java.util.List;
import nl.spiegel.risk.RiskLevel;
import nl.spiegel.risk.internal.HitFinder.Hit;
import nl.spiegel.risk.internal.LexiconSpec.RuleSpec;
import nl.spiegel.risk.internal.RuleSet.Reserved;
import nl.spiegel.risk.internal.RuleSet.Rule;

/**
 * The adjustments of one rule match by its surroundings: denial, idiom, third party, time and the search for a named
 * means. {@link RuleEngine} applies them in a fixed order, with the hedged reassurance and suppression passes. Each
 * returns the new level and records what changed it as a {@link Mod}, so an assessment can say why.
 */
final class Modifiers {
    private static final int NEG_BEFORE = 6;
    // a negator after the trigger negates the next verb ("de drang om te snijden niet weerstaan"), not the trigger
    private static final int NEG_AFTER = 0;
    private static final int CONTEXT_WINDOW = 4;
    private static final int HEDGE_NEAR_WINDOW = 3;
    /** Result of {@link #actor} when the rule is about the writer. */
    static final int WRITER = -1;

    /** A modifier that changed a match's level, with the tokens that caused it. */
    record Mod(String id, int first, int last) {
    }

    private final RuleSet set;

    Modifiers(RuleSet set) {
        this.set = set;
    }

    RiskLevel denial(Message m, Hit h, Rule r, RiskLevel level, List<Mod> mods) {
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

    RiskLevel idiom(Message m, Hit h, List<Hit> idioms, RiskLevel level, List<Mod> mods) {
        RuleSpec spec = set.rule(h.rule()).spec();
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
            Rule ir = set.rule(idiom.rule());
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
    int actor(Message m, Hit h) {
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

    RiskLevel thirdParty(Message m, Hit h, Rule r, RiskLevel level, int actor, List<Mod> mods) {
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

    RiskLevel time(Message m, Hit h, Rule r, RiskLevel level, List<Mod> mods) {
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
    int meansToken(Message m, List<Hit> idioms, Hit self) {
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
