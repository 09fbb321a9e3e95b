package nl.spiegel.dialogue.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

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

import nl.spiegel.dialogue.engine.DialogueEngine;
import nl.spiegel.dialogue.engine.Node;
import nl.spiegel.dialogue.engine.Step;
import nl.spiegel.dialogue.engine.Turn;
import nl.spiegel.dialogue.engine.UserInput;
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
    void allFiveDialoguesAreShippedInTheirNewestVersionAndTheFirstVersionsAreKept() {
        assertThat(new ScriptCatalog(shipped()).latest()).extracting(Script::id, Script::version)
                .containsExactlyInAnyOrder(tuple("kennismaking", 2), tuple("zelfbeeld", 3), tuple("emoties", 3),
                        tuple("wensen", 3), tuple("anderen", 2));
        assertThat(shipped()).filteredOn(script -> script.version() == 1).extracting(Script::id)
                .contains("kennismaking", "zelfbeeld", "emoties", "wensen", "anderen");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} after {1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "anderen   | well   | het goed ging        | it went well",
            "anderen   | partly | het een beetje lukte | it went partly",
            "anderen   | not    | het (nog) niet lukte | it didn't work out (yet)",
            "emoties   | not    | het (nog) niet lukte | it didn't work out (yet)",
            "zelfbeeld | partly | het een beetje lukte | it went partly",
            "wensen    | well   | het goed ging        | it went well"})
    void theOpeningPicksUpTheNewestHowDidItGoAnswerInBothLanguages(String scriptId, String outcome, String dutch,
                                                                    String english) {
        Script script = new ScriptCatalog(shipped()).latest(scriptId).orElseThrow();
        String usual = new DialogueEngine().start(script).turns().getFirst().text().in("nl");
        Turn opening = new DialogueEngine()
                .start(script, java.util.Map.of(nl.spiegel.dialogue.engine.DialogueContext.LAST_FOLLOWUP, outcome))
                .turns().getFirst();
        assertThat(opening.text().in("nl")).startsWith("Fijn dat je er weer bent.")
                .contains("Bij je vorige oefening schreef je dat " + dutch).endsWith(usual);
        assertThat(opening.text().in("en")).startsWith("Good to see you again.")
                .contains("At your last exercise you wrote that " + english);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("latest")
    void withoutARecentHowDidItGoAnswerTheOpeningDoesNotMentionAnExercise(Script script) {
        Turn opening = new DialogueEngine().start(script).turns().getFirst();
        assertThat(opening.text().in("nl")).doesNotContain("vorige oefening");
        assertThat(opening.text().in("en")).doesNotContain("last exercise");
    }

    @Test
    void theSuggestionAtTheEndLinksItsTopicInEveryDialogueButTheIntroduction() {
        ScriptCatalog catalog = new ScriptCatalog(shipped());
        assertThat(List.of("zelfbeeld", "emoties", "anderen", "wensen")).allSatisfy(id -> assertThat(
                ((Node.Message) catalog.latest(id).orElseThrow().require("volgende")).learn()).as(id)
                .isIn("psychodynamische-ideeen", "hoe-werkt-therapie"));
    }

    @Test
    void startPageOrderIsKennismakingZelfbeeldEmotiesAnderenWensen() {
        assertThat(new ScriptCatalog(shipped()).latest()).extracting(Script::id)
                .containsExactly("kennismaking", "zelfbeeld", "emoties", "anderen", "wensen");
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

    // ----- walks: every path through the newest versions, once straight and once with every correction -----

    private static final DialogueEngine ENGINE = new DialogueEngine();

    static Stream<Named<Script>> latest() {
        return new ScriptCatalog(shipped()).latest().stream()
                .map(script -> Named.of(script.id() + " v" + script.version(), script));
    }

    /**
     * Every way from start to end as the options chosen ("node=value"), found by running the engine and trying every
     * forward option at every choice, so only ways a person can really take are listed.
     */
    private static List<List<String>> choiceSequences(Script script) {
        List<List<String>> sequences = new ArrayList<>();
        explore(script, ENGINE.start(script), new ArrayList<>(), sequences);
        return sequences;
    }

    private static void explore(Script script, Step step, List<String> chosen, List<List<String>> all) {
        if (step.state().finished()) {
            all.add(List.copyOf(chosen));
            return;
        }
        Node node = script.require(step.state().nodeId());
        if (node instanceof Node.Question question) {
            explore(script, ENGINE.next(script, step.state(), new UserInput.Text(firstAnswer(question.id()))),
                    chosen, all);
            return;
        }
        Node.Choice choice = (Node.Choice) node;
        for (Node.Option option : choice.options()) {
            if (!option.revise()) {
                chosen.add(choice.id() + "=" + option.value());
                explore(script, ENGINE.next(script, step.state(), new UserInput.Choice(option.value())), chosen, all);
                chosen.removeLast();
            }
        }
    }

    private static String firstAnswer(String nodeId) {
        return "Eerste versie bij " + nodeId + ". Daarna komt nog een zin die niet in een korte quote hoort.";
    }

    private static String correctedAnswer(String nodeId) {
        return "Tweede versie bij " + nodeId + ".";
    }

    /** The turns of one walk; with {@code correct}, every way back is taken once before moving on. */
    private static List<Turn> walk(Script script, List<String> sequence, boolean correct, List<String> corrected) {
        List<Turn> turns = new ArrayList<>();
        Step step = ENGINE.start(script);
        turns.addAll(step.turns());
        java.util.Set<String> revised = new java.util.HashSet<>();
        int replies = 0;
        while (!step.state().finished()) {
            assertThat(++replies).as("replies in %s", script.id()).isLessThan(80);
            Node node = script.require(step.state().nodeId());
            UserInput input;
            if (node instanceof Node.Question question) {
                input = new UserInput.Text(step.state().variables().containsKey(question.variable())
                        ? correctedAnswer(question.id()) : firstAnswer(question.id()));
            } else {
                Node.Choice choice = (Node.Choice) node;
                var back = choice.options().stream().filter(Node.Option::revise).findFirst();
                if (correct && back.isPresent() && revised.add(choice.id())) {
                    input = new UserInput.Choice(back.get().value());
                    corrected.add(back.get().next());
                } else {
                    String value = sequence.stream().filter(entry -> entry.startsWith(choice.id() + "="))
                            .findFirst().orElseThrow(() -> new AssertionError("no choice for " + choice.id()))
                            .substring(choice.id().length() + 1);
                    input = new UserInput.Choice(value);
                }
            }
            step = ENGINE.next(script, step.state(), input);
            turns.addAll(step.turns());
        }
        return turns;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("latest")
    void everyWayThroughTheDialogueEndsWithAStoryASummaryAndOneFilledExercise(Script script) {
        List<List<String>> sequences = choiceSequences(script);
        assertThat(sequences).isNotEmpty();
        java.util.Set<String> chosen = new java.util.HashSet<>();
        for (List<String> sequence : sequences) {
            List<Turn> turns = walk(script, sequence, false, new ArrayList<>());
            chosen.addAll(sequence);
            assertThat(turns).as("exercise on %s", sequence).filteredOn(turn -> turn.kind() == Turn.Kind.EXERCISE)
                    .hasSize(1);
            List<Turn> summary = turns.stream().filter(turn -> turn.kind() == Turn.Kind.SUMMARY).toList();
            assertThat(summary).as("summary on %s", sequence).hasSizeGreaterThan(1);
            assertThat(summary.getFirst().title().orElseThrow().in("nl")).isEqualTo("In een paar zinnen");
            for (Turn turn : turns) {
                for (String language : List.of("nl", "en")) {
                    assertThat(turn.text().in(language)).as("%s on %s", turn.nodeId(), sequence)
                            .isNotBlank().doesNotContain("{", "}", "\u2026.");
                }
            }
            // reflections quote briefly: the second sentence of a long answer never appears in them
            assertThat(turns).filteredOn(turn -> turn.kind() == Turn.Kind.REFLECTION)
                    .allSatisfy(turn -> assertThat(turn.text().in("nl")).doesNotContain("Daarna komt nog"));
        }
        // every option of every choice is taken on some way through
        for (Node node : script.nodes().values()) {
            if (node instanceof Node.Choice choice) {
                choice.options().stream().filter(option -> !option.revise()).forEach(option ->
                        assertThat(chosen).as("option %s of %s taken", option.value(), choice.id())
                                .contains(choice.id() + "=" + option.value()));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("latest")
    void afterEveryCorrectionTheNewestAnswerIsTheOneInStorySummaryAndExercise(Script script) {
        List<String> everyWayBack = script.nodes().values().stream()
                .filter(Node.Choice.class::isInstance).map(Node.Choice.class::cast)
                .flatMap(choice -> choice.options().stream().filter(Node.Option::revise)).map(Node.Option::next)
                .toList();
        assertThat(everyWayBack).as("ways back to correct an answer").isNotEmpty();
        for (List<String> sequence : choiceSequences(script)) {
            List<String> corrected = new ArrayList<>();
            List<Turn> turns = walk(script, sequence, true, corrected);
            List<Turn> kept = turns.stream()
                    .filter(turn -> turn.kind() == Turn.Kind.SUMMARY || turn.kind() == Turn.Kind.EXERCISE).toList();
            for (String question : corrected) {
                assertThat(kept).as("summary and exercise after correcting %s on %s", question, sequence)
                        .noneSatisfy(turn -> assertThat(turn.text().in("nl")).contains("Eerste versie bij " + question));
                // the person's own words both times stay in the conversation
                assertThat(turns).filteredOn(turn -> turn.kind() == Turn.Kind.USER_TEXT)
                        .extracting(turn -> turn.text().in("nl"))
                        .contains(firstAnswer(question), correctedAnswer(question));
            }
            // an 'again' text is asked the second time
            for (String question : corrected) {
                Node.Question asked = (Node.Question) script.require(question);
                if (asked.again() != null) {
                    assertThat(turns).filteredOn(turn -> turn.nodeId().equals(question) && !turn.kind().fromUser())
                            .extracting(turn -> turn.text().in("nl"))
                            .containsExactly(asked.text().in("nl"), asked.again().in("nl"));
                }
            }
        }
    }

    @Test
    void everyTopicADialogueRefersToExistsUnderItsTitleInBothLanguages() {
        java.util.regex.Pattern nl = java.util.regex.Pattern.compile("\"Over therapie\": \"([^\"]+)\"");
        java.util.regex.Pattern en = java.util.regex.Pattern.compile("\"About therapy\": \"([^\"]+)\"");
        nl.spiegel.learn.LearnService learn = new nl.spiegel.learn.LearnService();
        java.util.Set<String> referred = new java.util.HashSet<>();
        for (Script script : new ScriptCatalog(shipped()).latest()) {
            for (Node node : script.nodes().values()) {
                List<nl.spiegel.dialogue.engine.LocalizedText> texts = new ArrayList<>();
                if (node instanceof Node.Message message) {
                    texts.add(message.text());
                    message.variants().forEach(variant -> texts.add(variant.text()));
                }
                for (var text : texts) {
                    for (var pair : List.of(java.util.Map.entry(nl, java.util.Locale.of("nl")),
                            java.util.Map.entry(en, java.util.Locale.ENGLISH))) {
                        var matcher = pair.getKey().matcher(text.in(pair.getValue().getLanguage()));
                        while (matcher.find()) {
                            String title = matcher.group(1);
                            referred.add(title);
                            assertThat(learn.topics()).as("topic titled %s (from %s)", title, node.id())
                                    .anySatisfy(topic -> assertThat(topic.title(pair.getValue())).isEqualTo(title));
                        }
                    }
                }
            }
        }
        assertThat(referred).contains("Psychodynamische ideeën in gewone woorden", "Hoe werkt therapie?",
                "Psychodynamic ideas in plain words", "How does therapy work?");
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

    /** A copy of kennismaking-v1 published as version 9, with a different title so the versions can be told apart. */
    private static Script kennismakingVersion9() {
        String v1 = shippedText("kennismaking-v1.yaml");
        assertThat(v1).contains("\nversion: 1\n", "nl: \"Kennismaking\"");
        return parse("kennismaking-v9.yaml", v1.replace("\nversion: 1\n", "\nversion: 9\n")
                .replace("nl: \"Kennismaking\"", "nl: \"Kennismaking (nieuw)\""));
    }

    @Test
    void versionReturnsThePinnedVersionAndLatestTheHighest() {
        List<Script> all = new ArrayList<>(shipped());
        Script v9 = kennismakingVersion9();
        all.add(v9);
        ScriptCatalog catalog = new ScriptCatalog(all);

        assertThat(catalog.version("kennismaking", 1)).hasValueSatisfying(script -> {
            assertThat(script.version()).isEqualTo(1);
            assertThat(script.source()).isEqualTo("kennismaking-v1.yaml");
            assertThat(script.title().in("nl")).isEqualTo("Kennismaking");
        });
        assertThat(catalog.version("kennismaking", 9)).containsSame(v9);
        assertThat(catalog.latest("kennismaking")).containsSame(v9);
        assertThat(catalog.latest("kennismaking").orElseThrow().title().in("nl")).isEqualTo("Kennismaking (nieuw)");
        assertThat(catalog.version("kennismaking", 8)).isEmpty();
        assertThat(catalog.version("bestaat-niet", 1)).isEmpty();
        assertThat(catalog.latest("bestaat-niet")).isEmpty();
    }

    @Test
    void latestListsOnlyTheHighestVersionOfEachDialogue() {
        List<Script> all = new ArrayList<>(shipped());
        all.add(kennismakingVersion9());

        List<Script> latest = new ScriptCatalog(all).latest();

        assertThat(latest).hasSize(5);
        assertThat(latest).filteredOn(script -> script.id().equals("kennismaking"))
                .singleElement().extracting(Script::version).isEqualTo(9);
        assertThat(latest).isSortedAccordingTo(Comparator.comparingInt(Script::order));
    }

    @Test
    void versionOrderDoesNotDependOnLoadingOrder() {
        Script v1 = new ScriptCatalog(shipped()).version("kennismaking", 1).orElseThrow();
        Script v9 = kennismakingVersion9();

        assertThat(new ScriptCatalog(List.of(v9, v1)).latest("kennismaking")).containsSame(v9);
        assertThat(new ScriptCatalog(List.of(v1, v9)).latest("kennismaking")).containsSame(v9);
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
