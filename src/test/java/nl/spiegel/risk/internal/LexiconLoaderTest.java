package nl.spiegel.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexiconLoaderTest {
    private static LexiconSpec load(String yaml) {
        return LexiconLoader.load("test.yaml", new StringReader(yaml));
    }

    private static final String VALID = """
            version: 3
            language: en
            groups:
              NEG: [not, no, never]
            rules:
              - id: en.crisis.test
                level: crisis
                patterns: ["want ..2 die"]
            """;

    @Test
    void readsVersionAndKeepsTheNegatorNoAsAWord() {
        LexiconSpec spec = load(VALID);
        assertThat(spec.version()).isEqualTo(3);
        assertThat(spec.groups().get("NEG")).containsExactly("not", "no", "never");
    }

    @Test
    void shippedLexiconsLoadAndCompile() {
        List<LexiconSpec> specs = List.of(LexiconLoader.loadResource("risk/nl.yaml"),
                LexiconLoader.loadResource("risk/en.yaml"));
        RuleEngine engine = RuleEngine.compile(specs);
        assertThat(engine.versions()).hasSize(2).allMatch(v -> v.matches("risk/(nl|en)\\.yaml v\\d+"));
    }

    @Test
    void rejectsUnknownKeysSoTyposInModifiersAreNotIgnored() {
        assertThatThrownBy(() -> load(VALID.replace("level: crisis", "level: crisis\n    other: keep")))
                .hasMessageContaining("unknown key 'other'");
    }

    @Test
    void rejectsAnIdThatDoesNotNameItsLevel() {
        assertThatThrownBy(() -> load(VALID.replace("level: crisis", "level: concern")))
                .hasMessageContaining("must name its level");
    }

    @Test
    void rejectsAnUnknownGroupInAPattern() {
        LexiconSpec spec = load(VALID.replace("want ..2 die", "$WANT ..2 die"));
        assertThatThrownBy(() -> RuleEngine.compile(List.of(spec))).hasMessageContaining("unknown group $WANT");
    }

    @Test
    void rejectsAnUnsafeShortPrefix() {
        LexiconSpec spec = load(VALID.replace("want ..2 die", "di* ..2 want"));
        assertThatThrownBy(() -> RuleEngine.compile(List.of(spec))).hasMessageContaining("prefix too short");
    }
}
