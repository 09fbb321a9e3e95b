package nl.spiegel.risk;

import java.util.ArrayList;
import java.util.List;
import nl.spiegel.risk.internal.LexiconLoader;
import nl.spiegel.risk.internal.LexiconSpec;
import nl.spiegel.risk.internal.ModelGate;
import nl.spiegel.risk.internal.RuleEngine;
import nl.spiegel.risk.internal.TextClassifier;
import nl.spiegel.risk.internal.Tokens;
import nl.spiegel.risk.internal.TrainingData;

/**
 * Finds signs of crisis or concern in one chat message, from reviewable lexicon files ({@code risk/nl.yaml},
 * {@code risk/en.yaml} on the classpath) plus a small learned backstop trained at start-up on
 * {@code risk/training.tsv}. Pure Java, immutable and safe to share between threads.
 *
 * <p>It is a screen, not a diagnosis: it is tuned to miss as little real crisis as possible, and a positive result
 * should lead to the follow-up questions of the safety guide, not to conclusions.
 *
 * <p>The final level is the higher of the rules' level and the model's level. The model only ever raises a level
 * (reported as rule id {@code model.concern} or {@code model.crisis}); it never lowers or removes what a rule found.
 * When the rules explicitly cancelled or lowered a match as an idiom, a (hedged) denial or a third party's wish, the
 * model needs the stricter {@link ModelPolicy#guarded} probability to overrule them.
 */
public final class RiskDetector {
    /** The lexicons shipped with the application, in the order their rules are reported. */
    public static final List<String> DEFAULT_LEXICONS = List.of("risk/nl.yaml", "risk/en.yaml");
    /** Labelled messages the learned backstop is trained on at start-up (corpus + held-out sets 1-8, not 9). */
    public static final String TRAINING_DATA = "risk/training.tsv";
    public static final String MODEL_CONCERN = "model.concern";
    public static final String MODEL_CRISIS = "model.crisis";

    /**
     * Thresholds of the learned backstop, chosen on 10-fold cross-validation only (see docs/risk-lexicon.md).
     *
     * @param concern P(at least concern) from which the model raises to CONCERN
     * @param crisis  P(crisis) from which the model raises to CRISIS
     * @param guarded the minimum for either output when the rules cancelled or lowered a match as an idiom, a
     *                (hedged) denial or a third party's wish
     * @param confirm P(crisis) from which a concern that a reviewed rule found (not cancelled or lowered as an idiom,
     *                a denial or someone else's wish) is raised to CRISIS: the rule says what and whose, the model
     *                how acute; the model alone still never gives crisis
     */
    public record ModelPolicy(double concern, double crisis, double guarded, double confirm) {
        /**
         * Chosen on 10-fold cross-validation over the training data with 1,060 ordinary reflective answers among the
         * negatives: at 0.95 the model adds about 0.7 % false alarms on reflective answers for 21 risky messages the
         * rules miss (at 0.85 it added 3 %). Its crisis output alone is capped at concern. {@code confirm} 0.85: out
         * of fold, of the messages the rules rated concern, it raises 36 crisis messages to crisis for 7 concern
         * and 1 harmless message raised with them (0.70: 43 for 30 and 3); {@code exec:java@risk-model -Dexec.args=confirm}.
         */
        public static final ModelPolicy DEFAULT = new ModelPolicy(0.95, 0.95, 0.97, 0.85);
    }

    private final RuleEngine engine;
    /** Null for a rules-only detector. */
    private final TextClassifier model;
    private final ModelGate gate = ModelGate.load("risk/model-gate.txt");
    private final ModelPolicy policy;

    RiskDetector(RuleEngine engine, TextClassifier model, ModelPolicy policy) {
        this.engine = engine;
        this.model = model;
        this.policy = policy;
    }

    /** Loads the shipped Dutch and English lexicons and trains the backstop; throws when a resource is invalid. */
    public static RiskDetector loadDefault() {
        return load(DEFAULT_LEXICONS);
    }

    /**
     * Loads the given classpath resources, e.g. an organisation's reviewed variant of the lexicons, and trains the
     * backstop on the shipped training data, analysed the way these lexicons analyse text.
     */
    public static RiskDetector load(List<String> classpathResources) {
        RuleEngine engine = compile(classpathResources);
        return new RiskDetector(engine, train(engine, TrainingData.loadResource(TRAINING_DATA),
                TextClassifier.Settings.DEFAULT), ModelPolicy.DEFAULT);
    }

    /** The rules alone, without the learned backstop: for evaluation and comparison. */
    public static RiskDetector loadRulesOnly(List<String> classpathResources) {
        return new RiskDetector(compile(classpathResources), null, ModelPolicy.DEFAULT);
    }

    static RuleEngine compile(List<String> classpathResources) {
        List<LexiconSpec> specs = classpathResources.stream().map(LexiconLoader::loadResource).toList();
        return RuleEngine.compile(specs);
    }

    static TextClassifier train(RuleEngine engine, List<TrainingData.Row> rows, TextClassifier.Settings settings) {
        List<TextClassifier.Example> examples = new ArrayList<>(rows.size());
        for (TrainingData.Row r : rows) {
            examples.add(new TextClassifier.Example(engine.analyse(r.text()), r.level()));
        }
        return TextClassifier.train(examples, settings);
    }

    RuleEngine engine() {
        return engine;
    }

    /**
     * Assesses one message.
     *
     * @param text     what the person wrote; null or blank gives NONE
     * @param language "nl", "en", or null/other when unknown. Every lexicon's rules run regardless, because people
     *                 switch language within one message ("ik kan niet meer, I just want to die"); the language of
     *                 each clause is guessed from its function words, and the hint only decides when that guess is
     *                 a tie (it chooses which negators, conjunctions and pronouns apply)
     */
    public RiskAssessment assess(String text, String language) {
        return assess(text, language, RiskContext.NONE);
    }

    /** Rule id added when earlier messages of the conversation raised this message's level. */
    public static final String CONTEXT_RISE = "context.rise";

    /**
     * Assesses one message in the light of the conversation so far:
     * <ul>
     *   <li>after an earlier crisis message, idioms lower nothing ("ik ga dood van de stress" right after "ik wil
     *       niet meer leven" is not a figure of speech);</li>
     *   <li>a concern about dying or life itself (hopelessness, feeling a burden, a passive wish) after an earlier
     *       one in the same conversation rises to crisis (rule id {@link #CONTEXT_RISE}): signals that add up are
     *       what the follow-up questions are for.</li>
     * </ul>
     * Context never lowers a level.
     */
    public RiskAssessment assess(String text, String language, RiskContext context) {
        if (text == null || text.isBlank()) {
            return RiskAssessment.none();
        }
        boolean idioms = context.highest() != RiskLevel.CRISIS;
        Tokens tokens = engine.analyse(text);
        RiskAssessment rules = engine.assess(tokens, language, idioms);
        if (tokens.disguised()) {
            // "1k h3b 30 p1ll3n", "goiiing tooo jump": standing digits may be letters or numbers, stretched letters
            // one or two; keep the reading that finds more
            Tokens bold = engine.analyseBoldly(text);
            RiskAssessment boldRules = engine.assess(bold, language, idioms);
            if (boldRules.level().compareTo(rules.level()) > 0) {
                tokens = bold;
                rules = boldRules;
            }
        }
        if (rules.level() == RiskLevel.CONCERN && context.earlierSuicideSignal()
                && rules.kinds().contains(RiskKind.SUICIDE)) {
            return withRule(rules, CONTEXT_RISE, RiskLevel.CRISIS, text.length());
        }
        if (model == null || rules.level() == RiskLevel.CRISIS || !gate.admits(tokens)) {
            return rules; // nothing to raise, or nothing in the message the model may raise on
        }
        return combine(rules, model.predict(tokens), policy, text.length());
    }

    private static RiskAssessment withRule(RiskAssessment a, String id, RiskLevel level, int textLength) {
        List<RiskMatch> matches = new ArrayList<>(a.matches());
        matches.add(new RiskMatch(id, level, 0, textLength));
        List<String> ids = new ArrayList<>(a.ruleIds());
        ids.add(id);
        return new RiskAssessment(level, matches, ids);
    }

    /** The model's {@code [P(at least concern), P(crisis)]} for a message; for evaluation. */
    double[] probabilities(String text) {
        if (model == null || text == null || text.isBlank()) {
            return new double[2];
        }
        return model.predict(engine.analyse(text));
    }

    /**
     * True when the rules cancelled or lowered a match as an idiom, a (hedged) denial or someone else's wish (not
     * imminent): they reasoned about frame, negation or subject, which a bag of n-grams cannot, so the model must be
     * surer to overrule them.
     */
    static boolean guarded(RiskAssessment rules) {
        for (RiskMatch m : rules.matches()) {
            String id = m.ruleId();
            if (id.contains(".idiom.") || id.endsWith(".modifier.denial") || id.endsWith(".modifier.hedged-denial")
                    || id.endsWith(".modifier.third-party")) {
                return true;
            }
        }
        return false;
    }

    /** The level the model alone gives, under the policy, for the rules' assessment and the model's probabilities. */
    static RiskLevel modelLevel(RiskAssessment rules, double[] p, ModelPolicy policy) {
        double floor = guarded(rules) ? policy.guarded() : 0;
        if (p[TextClassifier.CRISIS] >= Math.max(policy.crisis(), floor)) {
            return RiskLevel.CRISIS;
        }
        if (p[TextClassifier.CONCERN] >= Math.max(policy.concern(), floor)) {
            return RiskLevel.CONCERN;
        }
        return RiskLevel.NONE;
    }

    /** max(rule level, model level); the model's rule id and a whole-message match are added when it raised. */
    static RiskAssessment combine(RiskAssessment rules, double[] p, ModelPolicy policy, int textLength) {
        RiskLevel byModel = modelLevel(rules, p, policy);
        // a bag of n-grams is never enough for crisis: alone it gives a LOW-confidence concern that the product
        // answers with a gentle check-in, and it does not overrule the rules' reading of who and when
        byModel = RiskLevel.min(byModel, RiskLevel.CONCERN);
        if (rules.level() == RiskLevel.CONCERN && !guarded(rules) && p[TextClassifier.CRISIS] >= policy.confirm()) {
            byModel = RiskLevel.CRISIS; // a reviewed rule found the risk; the model judges it acute
        }
        if (byModel.compareTo(rules.level()) <= 0) {
            return rules;
        }
        return withRule(rules, byModel == RiskLevel.CRISIS ? MODEL_CRISIS : MODEL_CONCERN, byModel, textLength);
    }

    /** Lexicon sources with their {@code version:}, to store alongside assessments. */
    public List<String> lexiconVersions() {
        return engine.versions();
    }

    /**
     * The learned backstop's identity, e.g. {@code "risk/training.tsv model 3f2a9c01"} (a fingerprint of the trained
     * weights, so two deployments with the same value score identically), or {@code "none"} for rules only.
     */
    public String modelVersion() {
        return model == null ? "none" : TRAINING_DATA + " model " + model.fingerprint();
    }
}
