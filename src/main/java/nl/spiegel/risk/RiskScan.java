package nl.spiegel.risk;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import nl.spiegel.risk.internal.TsvFile;

/**
 * Batch assessment: reads a UTF-8 TSV with the header {@code id<TAB>lang<TAB>text} and prints one line per row,
 * {@code id<TAB>level<TAB>rule-ids}, with the level in lower case and the rule ids comma-separated (possibly none).
 * Nothing else goes to standard output, so the result can be piped; problems go to standard error with exit code 2.
 *
 * <pre>./mvnw -q compile exec:java@risk-scan -Dexec.args=FILE</pre>
 */
public final class RiskScan {
    static final List<String> HEADER = List.of("id", "lang", "text");

    private RiskScan() {
    }

    public static void main(String[] args) {
        // exit only on failure: exec:java runs in Maven's JVM, where System.exit(0) would cut Maven short
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        int code = run(args, out, System.err);
        out.flush();
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1) {
            err.println("usage: RiskScan FILE   (UTF-8 TSV with header id<TAB>lang<TAB>text)");
            return 2;
        }
        Path file = Path.of(args[0]);
        List<String[]> rows;
        try {
            rows = TsvFile.read(file, HEADER);
        } catch (TsvFile.BadInput e) {
            err.println("risk-scan: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("risk-scan: cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        RiskDetector detector = RiskDetector.loadDefault();
        StringBuilder sb = new StringBuilder();
        for (String[] row : rows) {
            RiskAssessment a = detector.assess(row[2], row[1]);
            sb.setLength(0);
            sb.append(row[0]).append('\t').append(a.level().code()).append('\t').append(String.join(",", a.ruleIds()));
            out.println(sb);
        }
        out.flush();
        return 0;
    }
}
