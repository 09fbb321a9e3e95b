package nl.spiegel.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.spiegel.risk.internal.Evaluation;
import nl.spiegel.risk.internal.RuleEngine;
import nl.spiegel.risk.internal.TextClassifier;
import nl.spiegel.risk.internal.TrainingData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The learned backstop: cross-validated figures (as written in docs/risk-lexicon.md, with a small margin so a
 * regression fails), determinism, and the rule that the model only ever raises a level.
 */
class RiskModelTest {
    private static final double MARGIN = 0.02;
    private static RuleEngine engine;
    private static List<TrainingData.Row> rows;
    private static List<RiskModelEvaluation.OutOfFold> oof;

    @BeforeAll
    static void crossValidate() {
        engine = RiskDetector.compile(RiskDetector.DEFAULT_LEXICONS);
        rows = TrainingData.loadResource(RiskDetector.TRAINING_DATA);
        oof = RiskModelEvaluation.crossValidate(engine, rows, TextClassifier.Settings.DEFAULT);
        System.out.print(RiskModelEvaluation.report(oof, RiskDetector.ModelPolicy.DEFAULT));
    }

    @Test
    void crossValidatedFiguresHold() {
        RiskDetector.ModelPolicy policy = RiskDetector.ModelPolicy.DEFAULT;
        Evaluation.Slice model = RiskModelEvaluation.modelAlone(oof, policy).overall();
        Evaluation.Slice combined = RiskModelEvaluation.combined(oof, policy).overall();
        Evaluation.Slice rules = RiskModelEvaluation.rulesAlone(oof).overall();

        // docs/risk-lexicon.md, "Round 26": 10-fold CV over 12,730 rows with 6,888 negatives (holdout28-31 and
        // reflective5-7 added after their first blind scores); model alone 54.7 / 63.4 / 1.5 %, combined 98.7 / 99.0 /
        // 3.3 % (crisis recall, escalation recall, false alarms; combined includes a rule's concern confirmed to crisis
        // by the model). The combined figures are fit, not generalisation: the rules have learned every row of it.
        // Round 25 had 55.0 / 64.5 / 1.7 % and 98.5 / 99.0 / 4.1 % on 10,950 rows.
        assertThat(model.escalationRecall()).as("model alone escalation recall").isGreaterThanOrEqualTo(0.645 - MARGIN);
        assertThat(model.crisisRecall()).as("model alone crisis recall").isGreaterThanOrEqualTo(0.550 - MARGIN);
        assertThat(model.falseAlarmRate()).as("model alone false alarms").isLessThanOrEqualTo(0.02);
        assertThat(combined.crisisRecall()).as("combined crisis recall").isGreaterThanOrEqualTo(0.985 - MARGIN);
        assertThat(combined.escalationRecall()).as("combined escalation recall").isGreaterThanOrEqualTo(0.990 - MARGIN);
        assertThat(combined.falseAlarmRate()).as("combined false alarms").isLessThanOrEqualTo(0.046);
        assertThat(combined.crisisRecall()).isGreaterThanOrEqualTo(rules.crisisRecall());
        assertThat(combined.escalationRecall()).isGreaterThanOrEqualTo(rules.escalationRecall());
    }

    @Test
    void modelNeverLowersTheRulesLevel() {
        RiskDetector.ModelPolicy policy = RiskDetector.ModelPolicy.DEFAULT;
        for (RiskModelEvaluation.OutOfFold o : oof) {
            RiskAssessment a = RiskDetector.combine(o.rules(), o.p(), policy, o.row().text().length());
            assertThat(a.level()).as(o.row().id()).isGreaterThanOrEqualTo(o.rules().level());
            assertThat(a.ruleIds()).as(o.row().id()).containsAll(o.rules().ruleIds());
            if (a.level() != o.rules().level()) {
                assertThat(a.ruleIds()).contains(a.level() == RiskLevel.CRISIS ? "model.crisis" : "model.concern");
            }
        }
        // whatever the model says, even certainty of none, a rule's crisis stays crisis
        RiskDetector detector = RiskDetector.loadDefault();
        RiskDetector rulesOnly = RiskDetector.loadRulesOnly(RiskDetector.DEFAULT_LEXICONS);
        for (TrainingData.Row r : rows) {
            assertThat(detector.assess(r.text(), r.lang()).level()).as(r.id())
                    .isGreaterThanOrEqualTo(rulesOnly.assess(r.text(), r.lang()).level());
        }
        RiskAssessment crisis = rulesOnly.assess("ik wil dood", "nl");
        assertThat(RiskDetector.combine(crisis, new double[] {0, 0}, policy, 11)).isEqualTo(crisis);
    }

    @Test
    void guardedMessagesNeedTheStricterProbability() {
        RiskDetector rulesOnly = RiskDetector.loadRulesOnly(RiskDetector.DEFAULT_LEXICONS);
        RiskAssessment idiom = rulesOnly.assess("I'm not suicidal, just tired of my commute", "en");
        assertThat(idiom.level()).isEqualTo(RiskLevel.NONE);
        assertThat(RiskDetector.guarded(idiom)).isTrue();
        RiskDetector.ModelPolicy policy = RiskDetector.ModelPolicy.DEFAULT;
        double between = (policy.crisis() + policy.guarded()) / 2;
        assertThat(RiskDetector.combine(idiom, new double[] {between, between}, policy, 41).level())
                .isEqualTo(RiskLevel.NONE);
        RiskAssessment overruled = RiskDetector.combine(idiom, new double[] {policy.guarded(), policy.guarded()},
                policy, 41);
        assertThat(overruled.level()).as("the model alone never gives crisis").isEqualTo(RiskLevel.CONCERN);
        assertThat(overruled.confidence()).isEqualTo(RiskConfidence.LOW);
        assertThat(overruled.primaryKind()).isEqualTo(RiskKind.UNCLEAR);
        RiskAssessment plain = rulesOnly.assess("het regent vandaag", "nl");
        assertThat(RiskDetector.guarded(plain)).isFalse();
        RiskAssessment raised = RiskDetector.combine(plain, new double[] {between, 0}, policy, 18);
        assertThat(raised.level()).isEqualTo(RiskLevel.CONCERN);
        assertThat(raised.ruleIds()).containsExactly("model.concern");
        assertThat(raised.confidence()).isEqualTo(RiskConfidence.LOW);
    }

    @Test
    void aRulesConcernIsRaisedToCrisisOnlyWhenTheModelIsSureAndTheRulesDidNotGuard() {
        RiskDetector rulesOnly = RiskDetector.loadRulesOnly(RiskDetector.DEFAULT_LEXICONS);
        RiskDetector.ModelPolicy policy = RiskDetector.ModelPolicy.DEFAULT;
        RiskAssessment burden = rulesOnly.assess("ik ben een last voor iedereen", "nl");
        assertThat(burden.level()).isEqualTo(RiskLevel.CONCERN);
        double below = policy.confirm() - 0.01;
        assertThat(RiskDetector.combine(burden, new double[] {0.99, below}, policy, 29)).isEqualTo(burden);
        RiskAssessment confirmed = RiskDetector.combine(burden, new double[] {0.99, policy.confirm()}, policy, 29);
        assertThat(confirmed.level()).isEqualTo(RiskLevel.CRISIS);
        assertThat(confirmed.ruleIds()).containsAll(burden.ruleIds()).contains("model.crisis");
        assertThat(confirmed.confidence()).as("a reviewed rule found it").isEqualTo(RiskConfidence.HIGH);
        assertThat(confirmed.kinds()).contains(RiskKind.SUICIDE);
        RiskAssessment hedged = rulesOnly.assess("geen plannen hoor, maar ik ben wel een last voor iedereen", "nl");
        if (hedged.level() == RiskLevel.CONCERN && RiskDetector.guarded(hedged)) {
            assertThat(RiskDetector.combine(hedged, new double[] {0.99, 0.99}, policy, 55).level())
                    .as("a hedged denial is not confirmed").isEqualTo(RiskLevel.CONCERN);
        }
        RiskAssessment none = RiskAssessment.none();
        RiskAssessment alone = RiskDetector.combine(none, new double[] {1.0, 1.0}, policy, 5);
        assertThat(alone.level()).as("without a rule the model never gives crisis").isEqualTo(RiskLevel.CONCERN);
        assertThat(alone.confidence()).isEqualTo(RiskConfidence.LOW);
    }

    @Test
    void sameTrainingGivesSamePredictions() {
        TextClassifier a = RiskDetector.train(engine, rows, TextClassifier.Settings.DEFAULT);
        TextClassifier b = RiskDetector.train(engine, rows, TextClassifier.Settings.DEFAULT);
        assertThat(a.fingerprint()).isEqualTo(b.fingerprint());
        for (TrainingData.Row r : rows.subList(0, 200)) {
            double[] pa = a.predict(engine.analyse(r.text()));
            double[] pb = b.predict(engine.analyse(r.text()));
            assertThat(pa).as(r.id()).containsExactly(pb);
        }
        assertThat(RiskDetector.loadDefault().modelVersion()).isEqualTo(RiskDetector.loadDefault().modelVersion())
                .isEqualTo("risk/training.tsv model " + a.fingerprint());
        // and the cross-validation itself is reproducible
        List<RiskModelEvaluation.OutOfFold> again = RiskModelEvaluation.crossValidate(engine, rows,
                TextClassifier.Settings.DEFAULT);
        for (int i = 0; i < oof.size(); i++) {
            assertThat(again.get(i).p()).containsExactly(oof.get(i).p());
        }
    }

    @Test
    void trainingDataIsTheCorpusPlusHoldoutsOneToEightAndTenButNotNine() throws Exception {
        Set<String> expected = new LinkedHashSet<>();
        for (String f : List.of("corpus.tsv", "holdout.tsv", "holdout2.tsv", "holdout3.tsv", "holdout4.tsv",
                "holdout5.tsv", "holdout6.tsv", "holdout7.tsv", "holdout8.tsv", "holdout10.tsv", "reflective1.tsv", "reflective2.tsv", "holdout11.tsv", "holdout12.tsv", "holdout13.tsv", "holdout14.tsv", "holdout15.tsv",
                "training-u1.tsv", "training-u2.tsv", "holdout16.tsv", "holdout17.tsv", "training-u3.tsv",
                "holdout18.tsv", "holdout19.tsv", "holdout20.tsv", "holdout21.tsv", "reflective3.tsv", "holdout22.tsv",
                "holdout23.tsv", "holdout24.tsv", "holdout25.tsv", "holdout26.tsv", "reflective4.tsv", "holdout27.tsv",
                "holdout28.tsv", "holdout29.tsv", "reflective5.tsv", "holdout30.tsv", "reflective6.tsv",
                "holdout31.tsv", "reflective7.tsv")) {
            for (Evaluation.Row r : Evaluation.readCorpus(Path.of("src/test/resources/risk", f))) {
                expected.add(r.id() + "\t" + r.lang() + "\t" + r.gold().code() + "\t" + r.text());
            }
        }
        List<String> shipped = new ArrayList<>();
        for (TrainingData.Row r : rows) {
            shipped.add(r.id() + "\t" + r.lang() + "\t" + r.level().code() + "\t" + r.text());
        }
        assertThat(shipped).containsExactlyElementsOf(expected);
        Set<String> blindIds = new LinkedHashSet<>();
        Set<String> blindTexts = new LinkedHashSet<>();
        for (Evaluation.Row r : Evaluation.readCorpus(Path.of("src/test/resources/risk/holdout9.tsv"))) {
            blindIds.add(r.id());
            blindTexts.add(r.text());
        }
        assertThat(rows).noneMatch(r -> blindIds.contains(r.id()));
        // h9-nl-028 and h9-en-028 repeat h2-nl-023 and h2-en-023 word for word (the holdout9 author reused them);
        // nothing else of holdout9 is in the training data
        assertThat(rows.stream().filter(r -> blindTexts.contains(r.text())).map(TrainingData.Row::id))
                .containsExactlyInAnyOrder("h2-nl-023", "h2-en-023");
        assertThat(Files.exists(Path.of("src/main/resources", RiskDetector.TRAINING_DATA))).isTrue();
    }

    @Test
    void probabilitiesAreProbabilities() {
        RiskDetector detector = RiskDetector.loadDefault();
        for (String text : List.of("ik wil dood", "we gaan pannenkoeken bakken", "x", "💊💊💊")) {
            double[] p = detector.probabilities(text);
            assertThat(p[0]).isBetween(0.0, 1.0);
            assertThat(p[1]).isBetween(0.0, 1.0);
        }
        assertThat(detector.probabilities("   ")).containsExactly(new double[] {0, 0}, within(0.0));
    }
}
