package nl.spiegel.shared.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.error.YAMLException;

class SafeYamlTest {

    @Test
    void readsPlainDataWithYamlTyping() {
        assertThat(SafeYaml.load(new StringReader("version: 3\nwords: [no, yes]\n")))
                .isEqualTo(Map.of("version", 3, "words", List.of(false, true)));
    }

    @Test
    void asTextEveryScalarStaysTheWordItIs() {
        assertThat(SafeYaml.loadAsText(new StringReader("version: 3\nwords: [no, yes]\n")))
                .isEqualTo(Map.of("version", "3", "words", List.of("no", "yes")));
    }

    @Test
    void refusesToMakeObjectsOfNamedClasses() {
        assertThatThrownBy(() -> SafeYaml.load(new StringReader("x: !!java.net.URL [\"http://example.org\"]\n")))
                .isInstanceOf(YAMLException.class);
        assertThatThrownBy(() -> SafeYaml.loadAsText(new StringReader("x: !!java.net.URL [\"http://example.org\"]\n")))
                .isInstanceOf(YAMLException.class);
    }

    @Test
    void refusesAnAliasBombDeepNestingAndAKeyGivenTwice() {
        StringBuilder bomb = new StringBuilder("a: &a [x, x]\n");
        for (int level = 1; level <= SafeYaml.MAX_ALIASES + 1; level++) {
            bomb.append("b").append(level).append(": &b").append(level).append(" [*a, *a]\n");
        }
        assertThatThrownBy(() -> SafeYaml.load(new StringReader(bomb.toString()))).isInstanceOf(YAMLException.class)
                .hasMessageContaining("aliases");
        String deep = "[".repeat(SafeYaml.MAX_NESTING + 5) + "]".repeat(SafeYaml.MAX_NESTING + 5);
        assertThatThrownBy(() -> SafeYaml.load(new StringReader(deep))).isInstanceOf(YAMLException.class)
                .hasMessageContaining("Nesting Depth");
        assertThatThrownBy(() -> SafeYaml.loadAsText(new StringReader("id: a\nid: b\n")))
                .isInstanceOf(YAMLException.class).hasMessageContaining("duplicate key");
    }

    @Test
    void theStrictStepsNameWhereTheShapeIsWrong() {
        Map<String, Object> root = SafeYaml.mapping(SafeYaml.load(new StringReader("rules: here\n")), "test.yaml");
        assertThatThrownBy(() -> SafeYaml.list(root.get("rules"), "test.yaml rules"))
                .hasMessage("test.yaml rules: expected a list");
        assertThatThrownBy(() -> SafeYaml.required(root, "version", "test.yaml"))
                .hasMessage("test.yaml: missing 'version'");
        assertThatThrownBy(() -> SafeYaml.text(3, "test.yaml version")).hasMessage("test.yaml version: expected text, got 3");
    }
}
