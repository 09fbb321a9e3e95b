package nl.spiegel.dialogue.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import nl.spiegel.dialogue.engine.Node;
import nl.spiegel.dialogue.engine.Script;
import nl.spiegel.dialogue.engine.ScriptProblem;

/** Every shipped dialogue script is valid and has the agreed shape; the catalog keeps versions apart. */
class ShippedScriptsTest {

    private static final String SHIPPED = "classpath*:dialogues/*.yaml";

    private static List<Script> shipped() {
        return ScriptCatalog.load(SHIPPED);
    }

    static Stream<Named<Script>> scripts() {
        return shipped().stream().map(script -> Named.of(script.source(), script));
    }

    /** Every path from start to an end node (node ids in order), following each distinct target once. */
    private static List<List<String>> paths(Script script) {
        List<List<String>> paths = new ArrayList<>();
        collect(script, script.start(), new ArrayList<>(), paths);
        return paths;
    }

    private static void collect(Script script, String nodeId, List<String> path, List<List<String>> paths) {
        assertThat(path).as("path through %s", script.id()).doesNotContain(nodeId);
        path.add(nodeId);
        Node node = script.require(nodeId);
        List<String> targets = node.targets().stream().distinct().toList();
        if (targets.isEmpty()) {
            paths.add(List.copyOf(path));
        }
        for (String target : targets) {
            collect(script, target, path, paths);
        }
        path.removeLast();
    }

    private static long count(Script script, List<String> path, Class<? extends Node> kind) {
        return path.stream().map(script::require).filter(kind::isInstance).count();
    }

    /** Steps a person goes through: everything except branches (invisible) and the end node. */
    private static long steps(Script script, List<String> path) {
        return path.stream().map(script::require)
                .filter(node -> !(node instanceof Node.Branch) && !(node instanceof Node.End))
                .count();
    }

    @Test
    void allFourDialoguesAreShipped() {
        assertThat(shipped()).extracting(Script::id)
                .containsExactlyInAnyOrder("kennismaking", "zelfbeeld", "emoties", "wensen");
    }

    @Test
    void startPageOrderIsKennismakingZelfbeeldEmotiesWensen() {
        assertThat(new ScriptCatalog(shipped()).latest()).extracting(Script::id)
                .containsExactly("kennismaking", "zelfbeeld", "emoties", "wensen");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void fileNameFollowsIdAndVersion(Script script) {
        assertThat(script.source()).isEqualTo(script.id() + "-v" + script.version() + ".yaml");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void everyPathHasBetweenTenAndTwentyFiveSteps(Script script) {
        List<List<String>> paths = paths(script);
        assertThat(paths).isNotEmpty();
        for (List<String> path : paths) {
            assertThat(steps(script, path)).as("steps on path %s", path).isBetween(10L, 25L);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void everyPathHasAtLeastTwoReflections(Script script) {
        for (List<String> path : paths(script)) {
            assertThat(count(script, path, Node.Reflection.class)).as("reflections on path %s", path)
                    .isGreaterThanOrEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void everyPathHasExactlyOneExercise(Script script) {
        for (List<String> path : paths(script)) {
            assertThat(count(script, path, Node.Exercise.class)).as("exercises on path %s", path).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void everyPathEndsWithASummary(Script script) {
        for (List<String> path : paths(script)) {
            Node last = script.require(path.getLast());
            assertThat(last).as("last node of path %s", path).isInstanceOf(Node.End.class);
            assertThat(((Node.End) last).summary()).as("summary at the end of path %s", path).isNotEmpty();
        }
    }

    // ----- catalog -----

    private static String shippedText(String file) {
        try (InputStream in = ShippedScriptsTest.class.getResourceAsStream("/dialogues/" + file)) {
            assertThat(in).as(file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Script parse(String source, String yaml) {
        return new ScriptParser().parse(source, new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    /** A copy of kennismaking-v1 published as version 2, with a different title so the versions can be told apart. */
    private static Script kennismakingVersion2() {
        String v1 = shippedText("kennismaking-v1.yaml");
        assertThat(v1).contains("\nversion: 1\n", "nl: \"Kennismaking\"");
        return parse("kennismaking-v2.yaml", v1.replace("\nversion: 1\n", "\nversion: 2\n")
                .replace("nl: \"Kennismaking\"", "nl: \"Kennismaking (nieuw)\""));
    }

    @Test
    void versionReturnsThePinnedVersionAndLatestTheHighest() {
        List<Script> all = new ArrayList<>(shipped());
        Script v2 = kennismakingVersion2();
        all.add(v2);
        ScriptCatalog catalog = new ScriptCatalog(all);

        assertThat(catalog.version("kennismaking", 1)).hasValueSatisfying(script -> {
            assertThat(script.version()).isEqualTo(1);
            assertThat(script.source()).isEqualTo("kennismaking-v1.yaml");
            assertThat(script.title().in("nl")).isEqualTo("Kennismaking");
        });
        assertThat(catalog.version("kennismaking", 2)).containsSame(v2);
        assertThat(catalog.latest("kennismaking")).containsSame(v2);
        assertThat(catalog.latest("kennismaking").orElseThrow().title().in("nl")).isEqualTo("Kennismaking (nieuw)");
        assertThat(catalog.version("kennismaking", 3)).isEmpty();
        assertThat(catalog.version("bestaat-niet", 1)).isEmpty();
        assertThat(catalog.latest("bestaat-niet")).isEmpty();
    }

    @Test
    void latestListsOnlyTheHighestVersionOfEachDialogue() {
        List<Script> all = new ArrayList<>(shipped());
        all.add(kennismakingVersion2());

        List<Script> latest = new ScriptCatalog(all).latest();

        assertThat(latest).hasSize(4);
        assertThat(latest).filteredOn(script -> script.id().equals("kennismaking"))
                .singleElement().extracting(Script::version).isEqualTo(2);
        assertThat(latest).isSortedAccordingTo(Comparator.comparingInt(Script::order));
    }

    @Test
    void versionOrderDoesNotDependOnLoadingOrder() {
        Script v1 = new ScriptCatalog(shipped()).version("kennismaking", 1).orElseThrow();
        Script v2 = kennismakingVersion2();

        assertThat(new ScriptCatalog(List.of(v2, v1)).latest("kennismaking")).containsSame(v2);
        assertThat(new ScriptCatalog(List.of(v1, v2)).latest("kennismaking")).containsSame(v2);
    }

    @Test
    void duplicateIdAndVersionIsRejected() {
        Script original = parse("kennismaking-v1.yaml", shippedText("kennismaking-v1.yaml"));
        Script copy = parse("kennismaking-kopie.yaml", shippedText("kennismaking-v1.yaml"));

        assertThatThrownBy(() -> new ScriptCatalog(List.of(original, copy)))
                .isInstanceOf(ScriptFormatException.class)
                .hasMessageContaining("kennismaking-kopie.yaml: script 'kennismaking' version 1 also comes from "
                        + "kennismaking-v1.yaml")
                .satisfies(e -> assertThat(((ScriptFormatException) e).problems()).containsExactly(
                        new ScriptProblem("kennismaking-kopie.yaml", null,
                                "script 'kennismaking' version 1 also comes from kennismaking-v1.yaml")));
    }

    @Test
    void loadCollectsTheProblemsOfEveryBrokenFileBeforeFailing() {
        assertThatThrownBy(() -> ScriptCatalog.load("classpath*:broken-scripts/*.yaml"))
                .isInstanceOf(ScriptFormatException.class)
                .satisfies(e -> assertThat(((ScriptFormatException) e).problems())
                        .extracting(ScriptProblem::source)
                        .contains("dangling.yaml", "loop.yaml", "invalid-yaml.yaml", "summary-never-set.yaml"));
    }

    @Test
    void loadFailsWhenNoScriptIsFound() {
        assertThatThrownBy(() -> ScriptCatalog.load("classpath*:no-such-folder/*.yaml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No dialogue scripts found");
    }
}
