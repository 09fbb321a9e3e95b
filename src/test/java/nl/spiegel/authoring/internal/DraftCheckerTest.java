package nl.spiegel.authoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.unit.DataSize;

import nl.spiegel.authoring.AuthoringFixtures;
import nl.spiegel.authoring.AuthoringProperties;
import nl.spiegel.authoring.DraftCheck;
import nl.spiegel.authoring.ScriptIssue;
import nl.spiegel.dialogue.content.ScriptCatalog;
import nl.spiegel.risk.RiskDetector;

/** The publish-time check on a set of broken scripts: each is refused for its own reason, at the right line. */
class DraftCheckerTest {

    private static DraftChecker checker;
    private static String example;

    @BeforeAll
    static void load() throws IOException {
        checker = new DraftChecker(new AuthoringProperties(DataSize.ofKilobytes(64)), RiskDetector.loadDefault(),
                DraftChecker.reviewedTexts(ScriptCatalog.load("classpath*:dialogues/*.yaml")));
        try (InputStream in = DraftCheckerTest.class.getResourceAsStream("/example-script.yaml")) {
            example = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theExampleScriptPassesEveryCheck() {
        DraftCheck check = checker.check(example);

        assertThat(check.issues()).isEmpty();
        assertThat(check.publishable()).isTrue();
        assertThat(check.script()).hasValueSatisfying(script -> assertThat(script.id()).isEqualTo("voorbeeld"));
    }

    static Stream<Resource> shipped() throws IOException {
        return Stream.of(new PathMatchingResourcePatternResolver().getResources("classpath*:dialogues/*.yaml"));
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void everyShippedScriptWouldPassThePublishCheckSoARollbackToItWorks(Resource file) throws IOException {
        String text = file.getContentAsString(StandardCharsets.UTF_8);

        assertThat(checker.check(text).issues()).as(file.getFilename()).isEmpty();
    }

    @Test
    void aKeyThatTriesToSwitchOffRiskScanningIsRefusedWhereItIsWritten() {
        String broken = example.replace("    maxLength: 300\n", "    maxLength: 300\n    riskScan: false\n");

        assertThat(only(broken)).satisfies(issue -> {
            assertThat(issue.code()).isEqualTo("safety-key");
            assertThat(issue.args()).containsExactly("riskScan");
            assertThat(issue.safety()).isTrue();
            assertThat(issue.line()).isEqualTo(AuthoringFixtures.lineOf(broken, "riskScan"));
            assertThat(issue.column()).isEqualTo(5);
        });
    }

    @Test
    void aScriptCannotHideTheHelpButtonOrTheCrisisExit() {
        String broken = example.replace("start: hallo\n", "start: hallo\nshowHelpButton: false\ncrisisExit: none\n");

        assertThat(checker.check(broken).issues()).extracting(ScriptIssue::code, ScriptIssue::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("safety-key", AuthoringFixtures.lineOf(broken, "showHelpButton")),
                        org.assertj.core.groups.Tuple.tuple("safety-key", AuthoringFixtures.lineOf(broken, "crisisExit")));
    }

    @Test
    void aBotLineThatQuotesACrisisPhraseIsRefused() {
        String broken = example.replace("Hoi, fijn dat je er bent.", "Hoi. Ik wil dood, zeggen sommige mensen.");

        assertThat(only(broken)).satisfies(issue -> {
            assertThat(issue.code()).isEqualTo("text-raises-risk");
            assertThat(issue.nodeId()).isEqualTo("hallo");
            assertThat(issue.args()).startsWith("text", "nl");
            assertThat(issue.line()).isEqualTo(AuthoringFixtures.lineOf(broken, "Ik wil dood"));
        });
    }

    @Test
    void anEnglishOptionLabelThatRaisesRiskIsRefusedToo() {
        String broken = example.replace("label: { nl: \"Het is zwaar\", en: \"It is hard\" }",
                "label: { nl: \"Het is zwaar\", en: \"I want to kill myself\" }");

        assertThat(only(broken)).satisfies(issue -> {
            assertThat(issue.code()).isEqualTo("text-raises-risk");
            assertThat(issue.nodeId()).isEqualTo("gevoel");
            assertThat(issue.args()).startsWith("options", "en");
        });
    }

    @Test
    void aMissingEnglishTextIsNamedWithItsLine() {
        String broken = example.replace("text: { nl: \"Wat houdt je bezig?\", en: \"What is on your mind?\" }",
                "text: { nl: \"Wat houdt je bezig?\" }");

        assertThat(only(broken)).satisfies(issue -> {
            assertThat(issue.code()).isEqualTo("no-text");
            assertThat(issue.nodeId()).isEqualTo("wat");
            assertThat(issue.args()).containsExactly("text", "en");
            assertThat(issue.line()).isEqualTo(AuthoringFixtures.lineOf(broken, "Wat houdt je bezig"));
        });
    }

    @Test
    void placeholdersMustBeTheSameInBothLanguages() {
        String broken = example.replace("en: \"You wrote: \\\"{woorden}\\\".\"", "en: \"You wrote something.\"");

        assertThat(broken).isNotEqualTo(example);
        assertThat(only(broken)).satisfies(issue -> {
            assertThat(issue.code()).isEqualTo("placeholders-differ");
            assertThat(issue.nodeId()).isEqualTo("spiegel");
        });
    }

    @Test
    void aPlaceholderForAVariableSetOnOnlyOnePathIsRefused() {
        String broken = example.replace("text: { nl: \"Dank je wel.\", en: \"Thank you.\" }",
                "text: { nl: \"Dank je wel, {rust}.\", en: \"Thank you, {rust}.\" }")
                .replace("        label: { nl: \"Het is zwaar\", en: \"It is hard\" }\n        next: wat\n",
                        "        label: { nl: \"Het is zwaar\", en: \"It is hard\" }\n        next: wat\n"
                                + "        set: { rust: ja }\n");

        assertThat(only(broken)).satisfies(issue -> {
            assertThat(issue.code()).isEqualTo("variable-unset");
            assertThat(issue.nodeId()).isEqualTo("einde");
            assertThat(issue.args()).containsExactly("rust");
        });
    }

    @Test
    void aLinkToATopicThatDoesNotExistIsNamedWithTheTopicsThatDo() {
        String broken = example.replace("    next: gevoel\n", "    learn: bestaat-niet\n    next: gevoel\n");

        assertThat(broken).isNotEqualTo(example);
        assertThat(only(broken)).satisfies(issue -> {
            assertThat(issue.code()).isEqualTo("unknown-topic");
            assertThat(issue.args().getFirst()).isEqualTo("bestaat-niet");
            assertThat(issue.args().get(1)).contains("hoe-werkt-therapie");
            assertThat(issue.line()).isEqualTo(AuthoringFixtures.lineOf(broken, "learn: bestaat-niet"));
        });
        assertThat(checker.check(example.replace("    next: gevoel\n", "    learn: hoe-werkt-therapie\n"
                + "    next: gevoel\n")).issues()).isEmpty();
    }

    @Test
    void aScriptCannotFillInWhatSpiegelFillsIn() {
        String broken = example.replace("variable: woorden", "variable: last-followup")
                .replace("{woorden}", "{andere}");

        assertThat(checker.check(broken).issues()).extracting(issue -> issue.code()).contains("context-set");
    }

    @Test
    void anUnknownKindOfStepIsNamed() {
        String broken = example.replace("    type: reflection\n", "    type: hypnosis\n");

        assertThat(only(broken)).satisfies(issue -> {
            assertThat(issue.code()).isEqualTo("unknown-type");
            assertThat(issue.args()).containsExactly("hypnosis");
            assertThat(issue.line()).isEqualTo(AuthoringFixtures.lineOf(broken, "type: hypnosis"));
        });
    }

    @Test
    void textThatIsNotYamlGivesTheLineAndColumnOfTheMistake() {
        String broken = example.replace("    next: gevoel\n", "    next: [gevoel\n");

        assertThat(only(broken)).satisfies(issue -> {
            assertThat(issue.code()).isEqualTo("not-yaml");
            assertThat(issue.line()).isGreaterThanOrEqualTo(AuthoringFixtures.lineOf(broken, "next: [gevoel"));
            assertThat(issue.column()).isPositive();
        });
        assertThat(only("just words, no dialogue").code()).isEqualTo("not-a-mapping");
    }

    @Test
    void aScriptOverTheSizeLimitIsRefusedBeforeItIsRead() {
        String huge = example + "#" + "x".repeat(70 * 1024) + "\n";

        assertThat(only(huge)).satisfies(issue -> {
            assertThat(issue.code()).isEqualTo("too-big");
            long kilobytes = (huge.getBytes(StandardCharsets.UTF_8).length + 1023) / 1024;
            assertThat(issue.args()).containsExactly(String.valueOf(kilobytes), "64");
        });
    }

    @Test
    void anAliasBombIsStoppedByTheReadersLimits() {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char previous = 'a';
        for (char name = 'b'; name <= 'j'; name++) {
            bomb.append(name).append(": &").append(name).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ",").append('*').append(previous);
            }
            bomb.append("]\n");
            previous = name;
        }

        assertThat(only(bomb.toString()).code()).isEqualTo("too-many-aliases");
    }

    @Test
    void deeplyNestedYamlIsStoppedByTheReadersLimits() {
        String deep = "id: " + "[".repeat(200) + "]".repeat(200) + "\n";

        assertThat(only(deep).code()).isEqualTo("too-deep");
    }

    @Test
    void anEmptyDraftIsNamed() {
        assertThat(only("   \n").code()).isEqualTo("empty");
    }

    private static ScriptIssue only(String text) {
        List<ScriptIssue> issues = checker.check(text).issues();
        assertThat(issues).as("exactly one problem").hasSize(1);
        assertThat(checker.check(text).publishable()).isFalse();
        return issues.getFirst();
    }
}
