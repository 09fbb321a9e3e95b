package nl.spiegel.risk;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import nl.spiegel.risk.internal.Evaluation;
import nl.spiegel.risk.internal.TsvFile;

/**
 * Prints recall, false alarms, under-triage and over-escalation per language and per tag for a labelled corpus
 * ({@code id<TAB>lang<TAB>level<TAB>tags<TAB>text}).
 *
 * <pre>./mvnw -q test-compile exec:java@risk-report [-Dexec.args=FILE]</pre>
 * Without a file it reads the shipped corpus, src/test/resources/risk/corpus.tsv, relative to the project root.
 */
public final class RiskReport {
    static final String DEFAULT_CORPUS = "src/test/resources/risk/corpus.tsv";

    private RiskReport() {
    }

    public static void main(String[] args) {
        // exit only on failure: exec:java runs in Maven's JVM, where System.exit(0) would cut Maven short
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path file = Path.of(args.length > 0 ? args[0] : DEFAULT_CORPUS);
        try {
            RiskDetector detector = RiskDetector.loadDefault();
            Evaluation evaluation = Evaluation.run(Evaluation.readCorpus(file), (text, lang) -> {
                RiskAssessment a = detector.assess(text, lang);
                return new Evaluation.Scored(null, a.level(), a.ruleIds());
            });
            out.print(evaluation.report(file.toString()));
            return 0;
        } catch (TsvFile.BadInput e) {
            err.println("risk-report: " + e.getMessage());
            return 2;
        } catch (IOException | IllegalArgumentException e) {
            err.println("risk-report: cannot read " + file + ": " + e.getMessage());
            return 2;
        }
    }
}
