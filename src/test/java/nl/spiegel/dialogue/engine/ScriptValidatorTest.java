package nl.spiegel.dialogue.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import nl.spiegel.dialogue.content.ScriptFormatException;
import nl.spiegel.dialogue.content.ScriptParser;

class ScriptValidatorTest {

    private final ScriptParser parser = new ScriptParser();

    private static byte[] resource(String path) {
        try (InputStream in = ScriptValidatorTest.class.getResourceAsStream(path)) {
            assertThat(in).as("test resource %s", path).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private ScriptFormatException rejected(String file) {
        byte[] yaml = resource("/broken-scripts/" + file);
        try {
            parser.parse(file, new ByteArrayInputStream(yaml));
        } catch (ScriptFormatException e) {
            return e;
        }
        throw new AssertionError(file + " was accepted");
    }

    /** The script is rejected with exactly this one problem, and the message names the file, the node and it. */
    private void assertRejected(String file, String nodeId, String problem) {
        ScriptFormatException e = rejected(file);
        assertThat(e.getMessage()).contains(file + ", node '" + nodeId + "': " + problem);
        assertThat(e.problems()).containsExactly(new ScriptProblem(file, nodeId, problem));
    }

    @Nested
    class BrokenScripts {

        @Test
        void danglingNextIsRejected() {
            assertRejected("dangling.yaml", "ask", "next 'nowhere' does not exist");
        }

        @Test
        void unreachableNodeIsRejected() {
            assertRejected("unreachable.yaml", "wees", "cannot be reached from start 'hallo'");
        }

        @Test
        void loopIsRejected() {
            assertRejected("loop.yaml", "keuze",
                    "leads back to 'hallo', which makes a loop; dialogues must always move forward");
        }

        @Test
        void missingEnglishTextIsRejected() {
            assertRejected("missing-english.yaml", "hallo", "text has no English text ('en')");
        }

        @Test
        void blankDutchTextIsRejected() {
            assertRejected("blank-dutch.yaml", "hallo", "text has no Dutch text ('nl')");
        }

        @Test
        void placeholderWhoseVariableIsSetInOnlyOneBranchIsRejected() {
            assertRejected("placeholder-one-branch.yaml", "spiegel",
                    "uses variable 'naam', which is not set on every path to this node");
        }

        @Test
        void branchConditionOnUnsetVariableIsRejected() {
            assertRejected("branch-unset-variable.yaml", "splits",
                    "uses variable 'stemming', which is not set on every path to this node");
        }

        @Test
        void reflectionWithoutPlaceholderIsRejected() {
            assertRejected("reflection-without-placeholder.yaml", "spiegel",
                    "a reflection must mirror the person's words with at least one {variable}");
        }

        @Test
        void choiceWithOneOptionIsRejected() {
            assertRejected("choice-one-option.yaml", "keuze",
                    "a choice needs at least two options (dead end otherwise)");
        }

        @Test
        void maxLengthZeroIsRejected() {
            assertRejected("max-length-zero.yaml", "vraag", "maxLength must be between 1 and 4000");
        }

        @Test
        void maxLengthAboveFourThousandIsRejected() {
            assertRejected("max-length-too-long.yaml", "vraag", "maxLength must be between 1 and 4000");
        }

        @Test
        void duplicateNodeIdIsRejected() {
            assertRejected("duplicate-id.yaml", "hallo", "node id is used twice");
        }

        @Test
        void unknownNodeTypeIsRejected() {
            assertRejected("unknown-type.yaml", "hallo",
                    "unknown type 'video' (use message, question, choice, reflection, branch, exercise, questionnaire or end)");
        }

        @Test
        void questionnaireWhoseScoringRefersToAMissingItemIsRejected() {
            assertRejected("questionnaire-scoring-missing-item.yaml", "lijst",
                    "scoring refers to item 'd', which is not an item of this questionnaire");
        }

        @Test
        void questionnaireWhoseSafetyRuleRefersToAMissingItemIsRejected() {
            assertRejected("questionnaire-safety-missing-item.yaml", "lijst",
                    "safety rule refers to item 'q9', which is not an item of this questionnaire");
        }

        @Test
        void questionnaireWhoseBandsLeaveTheLowestTotalsOutIsRejected() {
            assertRejected("questionnaire-band-gap.yaml", "lijst",
                    "the first band must start at the lowest possible total, 0");
        }

        @Test
        void questionnaireWithABandNoTotalCanReachIsRejected() {
            assertRejected("questionnaire-band-too-high.yaml", "lijst",
                    "band 'hoog' starts above the highest possible total, 4");
        }

        @Test
        void questionnaireResultWithAnUnknownPlaceholderIsRejected() {
            assertRejected("questionnaire-result-placeholder.yaml", "lijst",
                    "result may only use band, max, total, not {naam}");
        }

        @Test
        void summaryVariableThatIsNeverSetIsRejected() {
            assertRejected("summary-never-set.yaml", "einde",
                    "summary uses variable 'vergeten', which is never set before this node");
        }

        @Test
        void learnLinkToATopicThatDoesNotExistIsRejected() {
            ScriptFormatException e = rejected("learn-unknown-topic.yaml");

            assertThat(e.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.nodeId()).isEqualTo("hallo");
                assertThat(problem.problem()).startsWith("learn 'bestaat-niet' is not a topic of \"Over therapie\"")
                        .contains("hoe-werkt-therapie", "psychodynamische-ideeen");
            });
        }

        @Test
        void contextVariableShownInATextIsRejected() {
            assertRejected("context-shown.yaml", "hallo",
                    "'last-followup' is filled in by Spiegel and can only be tested in a condition, not shown");
        }

        @Test
        void contextVariableComparedWithAValueItNeverHasIsRejected() {
            assertRejected("context-unknown-value.yaml", "hallo",
                    "'last-followup' is never 'super'; it is one of [well, partly, not]");
        }

        @Test
        void contextVariableSetByTheScriptIsRejected() {
            assertRejected("context-set-by-script.yaml", "vraag",
                    "'last-followup' is filled in by Spiegel itself when the dialogue starts; choose another name");
        }

        @Test
        void missingStartIsRejected() {
            ScriptFormatException e = rejected("missing-start.yaml");

            assertThat(e.getMessage()).contains("missing-start.yaml: 'start' is missing");
            assertThat(e.problems()).containsExactly(new ScriptProblem("missing-start.yaml", null, "'start' is missing"));
        }

        @Test
        void startThatDoesNotExistIsRejected() {
            ScriptFormatException e = rejected("unknown-start.yaml");

            assertThat(e.getMessage()).contains("unknown-start.yaml: start 'begin' does not exist");
            assertThat(e.problems())
                    .containsExactly(new ScriptProblem("unknown-start.yaml", null, "start 'begin' does not exist"));
        }

        @Test
        void invalidYamlIsRejected() {
            ScriptFormatException e = rejected("invalid-yaml.yaml");

            assertThat(e.getMessage()).contains("invalid-yaml.yaml: not valid YAML: ");
            assertThat(e.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.source()).isEqualTo("invalid-yaml.yaml");
                assertThat(problem.nodeId()).isNull();
                assertThat(problem.problem()).startsWith("not valid YAML: ").doesNotContain("\n");
            });
        }
    }

    @Nested
    class ValidScripts {

        private static final Path DOCS = Path.of("docs", "dialogue-scripts.md");

        /** The YAML block under "A small complete example" in the script documentation. */
        private static String docsExample() throws IOException {
            String markdown = Files.readString(DOCS, StandardCharsets.UTF_8);
            int section = markdown.indexOf("## A small complete example");
            assertThat(section).as("example section in %s", DOCS).isNotNegative();
            Matcher block = Pattern.compile("```yaml\\R(.*?)```", Pattern.DOTALL).matcher(markdown);
            assertThat(block.find(section)).as("yaml block in the example section").isTrue();
            return block.group(1);
        }

        @Test
        void exampleFromTheDocumentationParses() throws IOException {
            Script script = parser.parse("dialogue-scripts.md",
                    new ByteArrayInputStream(docsExample().getBytes(StandardCharsets.UTF_8)));

            assertThat(script.id()).isEqualTo("voorbeeld");
            assertThat(script.version()).isEqualTo(1);
            assertThat(script.order()).isEqualTo(100);
            assertThat(script.start()).isEqualTo("hallo");
            assertThat(script.nodes()).containsOnlyKeys("hallo", "gevoel", "wat", "spiegel", "kies",
                    "oefening-zacht", "oefening", "einde");
            assertThat(new ScriptValidator().validate(script)).isEmpty();
        }

        @Test
        void exampleScriptResourceIsTheDocumentationExampleAndParses() throws IOException {
            String resource = new String(resource("/example-script.yaml"), StandardCharsets.UTF_8);

            assertThat(resource.strip()).isEqualTo(docsExample().strip());
            Script script = parser.parse("example-script.yaml",
                    new ByteArrayInputStream(resource.getBytes(StandardCharsets.UTF_8)));
            assertThat(script.nodes().get("wat")).isEqualTo(new Node.Question("wat",
                    LocalizedText.of("Wat houdt je bezig?", "What is on your mind?"), "woorden", 300, "spiegel"));
        }

        @Test
        void docsExampleRunsFromStartToSummary() throws IOException {
            Script script = parser.parse("example-script.yaml",
                    new ByteArrayInputStream(resource("/example-script.yaml")));
            DialogueEngine engine = new DialogueEngine();

            Step step = engine.start(script);
            step = engine.next(script, step.state(), new UserInput.Choice("zwaar"));
            step = engine.next(script, step.state(), new UserInput.Text("Mijn werk"));

            assertThat(step.state().finished()).isTrue();
            assertThat(step.turns()).extracting(Turn::kind).containsExactly(Turn.Kind.USER_TEXT,
                    Turn.Kind.REFLECTION, Turn.Kind.EXERCISE, Turn.Kind.CLOSING, Turn.Kind.SUMMARY,
                    Turn.Kind.SUMMARY);
            assertThat(step.turns().get(1).text().in("nl")).isEqualTo("Je schreef: \"Mijn werk\".");
            assertThat(step.turns().get(2).nodeId()).isEqualTo("oefening-zacht");
            assertThat(step.turns().get(4).text().in("en")).isEqualTo("It is hard");
        }

        @Test
        void summaryMayUseAVariableSetOnOnlySomePaths() {
            Script script = parser.parse("some-paths.yaml", new ByteArrayInputStream("""
                    id: some-paths
                    version: 1
                    minutes: 1
                    title: { nl: "Titel", en: "Title" }
                    description: { nl: "Omschrijving", en: "Description" }
                    start: keuze
                    nodes:
                      - id: keuze
                        type: choice
                        text: { nl: "Vertellen?", en: "Tell?" }
                        options:
                          - value: ja
                            label: { nl: "Ja", en: "Yes" }
                            next: vraag
                          - value: nee
                            label: { nl: "Nee", en: "No" }
                            next: einde
                      - id: vraag
                        type: question
                        variable: verhaal
                        text: { nl: "Vertel.", en: "Tell me." }
                        next: einde
                      - id: einde
                        type: end
                        text: { nl: "Klaar.", en: "Done." }
                        summary:
                          - label: { nl: "Je verhaal", en: "Your story" }
                            variable: verhaal
                    """.getBytes(StandardCharsets.UTF_8)));

            assertThat(script.nodes()).containsKey("einde");
        }
    }

    @Nested
    class ValidatorDirectly {

        private final ScriptValidator validator = new ScriptValidator();

        private Script script(String start, Node... nodes) {
            Map<String, Node> byId = new LinkedHashMap<>();
            for (Node node : nodes) {
                byId.put(node.id(), node);
            }
            return new Script("direct", 1, 100, 1, LocalizedText.of("Titel", "Title"),
                    LocalizedText.of("Omschrijving", "Description"), start, byId, "direct.yaml");
        }

        private final Node.End end = new Node.End("einde", LocalizedText.of("Klaar.", "Done."), List.of());

        @Test
        void validScriptHasNoProblems() {
            Script script = script("hallo",
                    new Node.Message("hallo", LocalizedText.of("Hallo.", "Hello."), "einde"), end);

            assertThat(validator.validate(script)).isEmpty();
        }

        @Test
        void everyProblemIsReportedAtOnce() {
            Script script = script("hallo",
                    new Node.Message("hallo", LocalizedText.of("Hallo.", " "), "vraag"),
                    new Node.Question("vraag", LocalizedText.of("Vraag {x}?", "Question {x}?"), "antwoord", 0,
                            "einde"),
                    end);

            assertThat(validator.validate(script)).containsExactlyInAnyOrder(
                    new ScriptProblem("direct.yaml", "hallo", "text has no English text ('en')"),
                    new ScriptProblem("direct.yaml", "vraag", "maxLength must be between 1 and 4000"),
                    new ScriptProblem("direct.yaml", "vraag",
                            "uses variable 'x', which is not set on every path to this node"));
        }

        @Test
        void maxLengthOneAndFourThousandAreAllowed() {
            for (int maxLength : new int[] {1, 4000}) {
                Script script = script("vraag",
                        new Node.Question("vraag", LocalizedText.of("Vraag?", "Question?"), "antwoord", maxLength,
                                "einde"),
                        end);

                assertThat(validator.validate(script)).as("maxLength %d", maxLength).isEmpty();
            }
        }

        @Test
        void variableSetByAnOptionOnEveryPathMayBeUsed() {
            Script script = script("keuze",
                    new Node.Choice("keuze", LocalizedText.of("Kies.", "Choose."), null, List.of(
                            new Node.Option("a", LocalizedText.of("A", "A"), "spiegel", Map.of("gekozen", "A")),
                            new Node.Option("b", LocalizedText.of("B", "B"), "spiegel", Map.of("gekozen", "B")))),
                    new Node.Reflection("spiegel", LocalizedText.of("Je koos {gekozen}.", "You chose {gekozen}."),
                            "einde"),
                    end);

            assertThat(validator.validate(script)).isEmpty();
        }

        @Test
        void problemNamesFileAndNode() {
            assertThat(new ScriptProblem("a.yaml", "vraag", "kapot")).hasToString("a.yaml, node 'vraag': kapot");
            assertThat(new ScriptProblem("a.yaml", null, "kapot")).hasToString("a.yaml: kapot");
        }
    }
}
