package nl.spiegel.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RiskScanTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int scan(String... args) {
        return RiskScan.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void printsOneLinePerRowWithLevelAndRuleIdsAndNothingElse() throws Exception {
        Path file = dir.resolve("in.tsv");
        Files.writeString(file, "id\tlang\ttext\n"
                + "a1\tnl\tik wil dood\n"
                + "a2\ten\tthis deadline is killing me\n"
                + "a3\t\tmy friend wants to die\n", StandardCharsets.UTF_8);

        assertThat(scan(file.toString())).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "a1\tcrisis\tnl.crisis.explicit-wish",
                "a2\tnone\t",
                "a3\tconcern\ten.crisis.explicit-wish,en.modifier.third-party");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void missingFileExitsWithTwoAndAMessageOnStandardError() {
        assertThat(scan(dir.resolve("nope.tsv").toString())).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file");
    }

    @Test
    void badHeaderExitsWithTwoAndNamesTheExpectedHeader() throws Exception {
        Path file = dir.resolve("bad.tsv");
        Files.writeString(file, "text\tid\nhallo\t1\n", StandardCharsets.UTF_8);
        assertThat(scan(file.toString())).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad header").contains("id<TAB>lang<TAB>text");
    }

    @Test
    void noArgumentsExitsWithTwoAndUsage() {
        assertThat(scan()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage");
    }
}
