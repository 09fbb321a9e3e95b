package nl.spiegel.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import nl.spiegel.risk.internal.Evaluation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The labelled corpus is the contract of the lexicons: missing a crisis is the worst failure, crying wolf on idioms
 * the second worst. Every report is printed so a reviewer sees each disagreement.
 */
class RiskCorpusEvaluationTest {
    private static RiskDetector detector;

    @BeforeAll
    static void load() {
        detector = RiskDetector.loadDefault();
    }

    private static Evaluation evaluate(String resource) throws Exception {
        List<Evaluation.Row> rows = Evaluation.readCorpus(Path.of("src/test/resources/risk", resource));
        Evaluation evaluation = Evaluation.run(rows, (text, lang) -> {
            RiskAssessment a = detector.assess(text, lang);
            return new Evaluation.Scored(null, a.level(), a.ruleIds());
        });
        System.out.println(evaluation.report(resource));
        return evaluation;
    }

    @Test
    void corpusMeetsRecallAndFalseAlarmTargets() throws Exception {
        Evaluation evaluation = evaluate("corpus.tsv");
        Evaluation.Slice all = evaluation.overall();

        assertThat(evaluation.scored()).hasSizeGreaterThanOrEqualTo(400);
        assertThat(all.crisisRecall()).as("crisis recall").isGreaterThanOrEqualTo(0.97);
        assertThat(evaluation.criticalMisses()).as("explicit/plan/attempt messages scored none").isEmpty();
        assertThat(all.escalationRecall()).as("crisis+concern scored at least concern").isGreaterThanOrEqualTo(0.97);
        assertThat(all.falseAlarmRate()).as("gold none scored at least concern").isLessThanOrEqualTo(0.08);
    }

    /**
     * The held-out files were each scored once, blind, after the rules had been tuned (reports in
     * docs/risk-holdout*-blind.txt); the gaps they showed were then fixed with general patterns, so they now guard
     * against regressions rather than measure generalisation, and the thresholds are looser than the corpus ones.
     */
    @Test
    void heldOutSetsStayAboveLooserThresholds() throws Exception {
        for (String file : List.of("holdout.tsv", "holdout2.tsv", "holdout3.tsv", "holdout4.tsv", "holdout5.tsv",
                "holdout6.tsv", "holdout7.tsv", "holdout8.tsv")) {
            Evaluation.Slice all = evaluate(file).overall();
            assertThat(all.crisisRecall()).as(file + " crisis recall").isGreaterThanOrEqualTo(0.90);
            assertThat(all.escalationRecall()).as(file + " escalation recall").isGreaterThanOrEqualTo(0.90);
            assertThat(all.falseAlarmRate()).as(file + " false alarms").isLessThanOrEqualTo(0.10);
        }
    }

    @Test
    void corpusIsBalancedBetweenLanguagesAndLevels() throws Exception {
        Evaluation evaluation = evaluate("corpus.tsv");
        long nl = evaluation.scored().stream().filter(s -> s.row().lang().equals("nl")).count();
        long en = evaluation.scored().stream().filter(s -> s.row().lang().equals("en")).count();
        Evaluation.Slice all = evaluation.overall();
        int n = evaluation.scored().size();

        assertThat(Math.abs(nl - en)).isLessThanOrEqualTo(n / 10);
        assertThat((double) all.crisis() / n).isBetween(0.30, 0.40);
        assertThat((double) (all.risky() - all.crisis()) / n).isBetween(0.20, 0.30);
        assertThat((double) all.none() / n).isBetween(0.35, 0.45);
    }
}
