package nl.spiegel.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

import nl.spiegel.HostileStrings;

/**
 * The risk detector and the batch risk scan take any text without failing: an assessment for every message, one
 * output line per row, and never the text itself in the output.
 */
class HostileRiskScanPropertyTest {

    private static RiskDetector detector;

    @BeforeContainer
    static void load() {
        detector = RiskDetector.loadDefault();
    }

    @Property(tries = 6200)
    void theDetectorAssessesAnyTextWithoutFailing(@ForAll("hostile") String text) {
        RiskAssessment assessment = detector.assess(text, null);
        assertThat(assessment.level()).isNotNull();
        assertThat(assessment.ruleIds()).doesNotContainNull();
    }

    /** Each try loads the detector as the command does, so few tries with many rows each. */
    @Property(tries = 6)
    void theBatchScanPrintsOneLinePerRowAndNeverTheText(@ForAll("rows") List<String> texts,
                                                        @ForAll boolean invalidUtf8) throws Exception {
        Path file = Files.createTempFile("hostile-scan", ".tsv");
        try {
            StringBuilder tsv = new StringBuilder(String.join("\t", RiskScan.HEADER)).append('\n');
            for (int i = 0; i < texts.size(); i++) {
                tsv.append("r").append(i).append('\t').append(i % 2 == 0 ? "nl" : "en").append('\t')
                        .append(texts.get(i)).append('\n');
            }
            // lone surrogates cannot be written as UTF-8 (they become '?'); invalid UTF-8 bytes are added on purpose
            byte[] bytes = tsv.toString().getBytes(StandardCharsets.UTF_8);
            if (invalidUtf8) {
                byte[] broken = new byte[bytes.length + 4];
                System.arraycopy(bytes, 0, broken, 0, bytes.length - 1);
                broken[bytes.length - 1] = (byte) 0xC0;
                broken[bytes.length] = (byte) 0x80;
                broken[bytes.length + 1] = (byte) 0xFF;
                broken[bytes.length + 2] = (byte) 0xED;
                broken[bytes.length + 3] = '\n';
                bytes = broken;
            }
            Files.write(file, bytes);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = RiskScan.run(new String[] {file.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));

            String problems = err.toString(StandardCharsets.UTF_8);
            assertThat(problems).doesNotContain("Exception", "\tat ");
            if (invalidUtf8) {
                // documented: a file that is not UTF-8 is refused with a message and exit code 2
                assertThat(code).isEqualTo(2);
                assertThat(problems).startsWith("risk-scan: ");
                assertThat(out.size()).isZero();
                return;
            }
            assertThat(code).as(problems).isZero();
            List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
            assertThat(lines).hasSize(texts.size());
            for (int i = 0; i < texts.size(); i++) {
                assertThat(lines.get(i)).startsWith("r" + i + "\t");
                assertThat(lines.get(i).split("\t", -1)).hasSizeBetween(2, 3);
            }
            String printed = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
            texts.stream().filter(text -> text.strip().length() > 8)
                    .forEach(text -> assertThat(printed).doesNotContain(text.strip()));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Provide
    Arbitrary<String> hostile() {
        return HostileStrings.text(20_000);
    }

    /** Cells of a TSV row cannot hold a tab or a line break; everything else goes in. */
    @Provide
    Arbitrary<List<String>> rows() {
        return HostileStrings.text(2_000).map(text -> text.replaceAll("[\t\r\n\u2028\u2029\u0085]", " "))
                .list().ofMinSize(1).ofMaxSize(30);
    }
}
