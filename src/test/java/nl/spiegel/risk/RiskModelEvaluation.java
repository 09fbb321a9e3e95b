package nl.spiegel.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import nl.spiegel.risk.internal.Evaluation;
import nl.spiegel.risk.internal.RuleEngine;
import nl.spiegel.risk.internal.TextClassifier;
import nl.spiegel.risk.internal.TrainingData;

/**
 * Cross-validation of the learned backstop on the shipped training data: the data are split into folds with a
 * fixed seed; for each fold the model is trained on the others and scores the held-out fold, alone and combined with
 * the rules. The rules were tuned on these very messages, so the combined figure flatters them; the model-alone
 * figure is the honest one for the model.
 *
 * <pre>./mvnw -q test-compile exec:java@risk-model [-Dexec.args=sweep]</pre>
 * prints the report; with {@code sweep} also the threshold grid used to choose {@link RiskDetector.ModelPolicy}.
 */
public final class RiskModelEvaluation {
    public static final int FOLDS = 10;
    public static final long FOLD_SEED = 7_2024L;

    /** One training message scored out of fold: the rules' assessment and the probabilities of a model that did not see it. */
    public record OutOfFold(TrainingData.Row row, int fold, RiskAssessment rules, double[] p) {
    }

    private RiskModelEvaluation() {
    }

    public static void main(String[] args) {
        boolean sweep = args.length > 0 && args[0].equals("sweep");
        long t0 = System.nanoTime();
        RuleEngine engine = RiskDetector.compile(RiskDetector.DEFAULT_LEXICONS);
        List<TrainingData.Row> rows = TrainingData.loadResource(RiskDetector.TRAINING_DATA);
        TextClassifier.Settings settings = TextClassifier.Settings.DEFAULT;
        if (args.length >= 5) { // sweep EPOCHS RATE L2 PER_SENTENCE: to compare training settings
            settings = new TextClassifier.Settings(Integer.parseInt(args[1]), Double.parseDouble(args[2]),
                    Double.parseDouble(args[3]), settings.seed(), Boolean.parseBoolean(args[4]));
        }
        List<OutOfFold> oof = crossValidate(engine, rows, settings);
        System.out.printf(Locale.ROOT, "cross-validation: %d messages, %d folds, %.1f s%n", rows.size(), FOLDS,
                (System.nanoTime() - t0) / 1e9);
        System.out.print(report(oof, RiskDetector.ModelPolicy.DEFAULT));
        if (sweep) {
            System.out.print(sweep(oof));
        }
        if (args.length > 0 && args[0].equals("confirm")) {
            System.out.print(confirmSweep(oof));
        }
    }

    /** Out-of-fold scores for every row, in the order of {@code rows}. */
    public static List<OutOfFold> crossValidate(RuleEngine engine, List<TrainingData.Row> rows,
                                                TextClassifier.Settings settings) {
        int n = rows.size();
        int[] fold = folds(n);
        List<RiskAssessment> rules = new ArrayList<>(n);
        for (TrainingData.Row r : rows) {
            rules.add(engine.assess(r.text(), r.lang()));
        }
        double[][] p = new double[n][];
        for (int k = 0; k < FOLDS; k++) {
            List<TrainingData.Row> train = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (fold[i] != k) {
                    train.add(rows.get(i));
                }
            }
            TextClassifier model = RiskDetector.train(engine, train, settings);
            for (int i = 0; i < n; i++) {
                if (fold[i] == k) {
                    p[i] = model.predict(engine.analyse(rows.get(i).text()));
                }
            }
        }
        List<OutOfFold> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new OutOfFold(rows.get(i), fold[i], rules.get(i), p[i]));
        }
        return out;
    }

    /** Fold of each row: a fixed-seed shuffle dealt round-robin, so folds differ in size by at most one. */
    static int[] folds(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(FOLD_SEED);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) {
            fold[order[i]] = i % FOLDS;
        }
        return fold;
    }

    public static Evaluation rulesAlone(List<OutOfFold> oof) {
        return evaluate(oof, o -> new Evaluation.Scored(null, o.rules().level(), o.rules().ruleIds()));
    }

    public static Evaluation modelAlone(List<OutOfFold> oof, RiskDetector.ModelPolicy policy) {
        return evaluate(oof, o -> new Evaluation.Scored(null,
                RiskDetector.modelLevel(RiskAssessment.none(), o.p(), policy), List.of()));
    }

    public static Evaluation combined(List<OutOfFold> oof, RiskDetector.ModelPolicy policy) {
        return evaluate(oof, o -> {
            RiskAssessment a = RiskDetector.combine(o.rules(), o.p(), policy, o.row().text().length());
            return new Evaluation.Scored(null, a.level(), a.ruleIds());
        });
    }

    private static Evaluation evaluate(List<OutOfFold> oof, Function<OutOfFold, Evaluation.Scored> score) {
        List<Evaluation.Scored> out = new ArrayList<>(oof.size());
        for (OutOfFold o : oof) {
            Evaluation.Row row = new Evaluation.Row(o.row().id(), o.row().lang(), o.row().level(), Set.of(),
                    o.row().text());
            Evaluation.Scored s = score.apply(o);
            out.add(new Evaluation.Scored(row, s.got(), s.ruleIds()));
        }
        return Evaluation.of(out);
    }

    public static String report(List<OutOfFold> oof, RiskDetector.ModelPolicy policy) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT,
                "policy: concern >= %.2f, crisis >= %.2f, guarded >= %.2f, a rule's concern confirmed >= %.2f%n",
                policy.concern(), policy.crisis(), policy.guarded(), policy.confirm()));
        line(sb, "rules alone", rulesAlone(oof).overall());
        line(sb, "model alone", modelAlone(oof, policy).overall());
        line(sb, "combined", combined(oof, policy).overall());
        return sb.toString();
    }

    private static void line(StringBuilder sb, String name, Evaluation.Slice s) {
        sb.append(String.format(Locale.ROOT,
                "%-12s crisis recall %5.1f%% (%d/%d)  escalation recall %5.1f%% (%d/%d)  false alarms %4.1f%% (%d/%d)"
                        + "  none->crisis %d  concern->crisis %d%n",
                name, 100 * s.crisisRecall(), s.crisisHit(), s.crisis(), 100 * s.escalationRecall(), s.riskyHit(),
                s.risky(), 100 * s.falseAlarmRate(), s.falseAlarms(), s.none(), s.noneToCrisis(),
                s.concernToCrisis()));
    }

    /**
     * What raising a reviewed rule's concern to crisis on the model's P(crisis) would do, out of fold: per threshold,
     * how many rows the rules scored concern (not guarded) would become crisis, by their true level.
     */
    static String confirmSweep(List<OutOfFold> oof) {
        StringBuilder sb = new StringBuilder("\nconfirm sweep: rules concern (unguarded) and P(crisis) >= t -> crisis\n");
        for (int t = 30; t <= 95; t += 5) {
            int crisis = 0;
            int concern = 0;
            int none = 0;
            for (OutOfFold o : oof) {
                if (o.rules().level() != RiskLevel.CONCERN || RiskDetector.guarded(o.rules())
                        || o.p()[TextClassifier.CRISIS] < t / 100.0) {
                    continue;
                }
                switch (o.row().level()) {
                    case CRISIS -> crisis++;
                    case CONCERN -> concern++;
                    default -> none++;
                }
            }
            sb.append(String.format(Locale.ROOT, "t %.2f  crisis gained %4d  concern->crisis %4d  none->crisis %3d%n",
                    t / 100.0, crisis, concern, none));
        }
        return sb.toString();
    }

    /** The grid the thresholds were chosen from. */
    static String sweep(List<OutOfFold> oof) {
        StringBuilder sb = new StringBuilder("\nthreshold sweep (model alone | combined)\n");
        for (double guarded : new double[] {0.8, 0.9, 0.95, 1.01}) {
            for (int c1 = 10; c1 <= 90; c1 += 5) {
                for (int c2 = 10; c2 <= 90; c2 += 5) {
                    RiskDetector.ModelPolicy p = new RiskDetector.ModelPolicy(c1 / 100.0, c2 / 100.0, guarded,
                            RiskDetector.ModelPolicy.DEFAULT.confirm());
                    Evaluation.Slice m = modelAlone(oof, p).overall();
                    Evaluation.Slice c = combined(oof, p).overall();
                    sb.append(String.format(Locale.ROOT,
                            "g %.2f t1 %.2f t2 %.2f | m cr %5.1f esc %5.1f fa %4.1f c2c %3d | c cr %5.1f esc %5.1f fa %4.1f n2c %2d c2c %3d%n",
                            guarded, c1 / 100.0, c2 / 100.0, 100 * m.crisisRecall(), 100 * m.escalationRecall(),
                            100 * m.falseAlarmRate(), m.concernToCrisis(), 100 * c.crisisRecall(),
                            100 * c.escalationRecall(), 100 * c.falseAlarmRate(), c.noneToCrisis(),
                            c.concernToCrisis()));
                }
            }
        }
        return sb.toString();
    }
}
