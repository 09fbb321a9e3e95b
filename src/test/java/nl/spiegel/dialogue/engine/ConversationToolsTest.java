package nl.spiegel.dialogue.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import nl.spiegel.dialogue.content.ScriptFormatException;
import nl.spiegel.dialogue.content.ScriptParser;
import nl.spiegel.risk.RiskLevel;

/** The tools that make a dialogue read as a conversation: short quotes, fitting acknowledgements, corrections, stories. */
class ConversationToolsTest {

    private final DialogueEngine engine = new DialogueEngine();

    private static final String HEADER = """
            id: gesprek
            version: 1
            minutes: 2
            title: { nl: "Gesprek", en: "Conversation" }
            description: { nl: "Een test.", en: "A test." }
            """;

    /** Ask, mirror briefly, acknowledge, check with a way back, plan a step, end with a story. */
    private static final String CONVERSATION = HEADER + """
            start: vraag
            nodes:
              - id: vraag
                type: question
                variable: woorden
                text: { nl: "Wat houdt je bezig?", en: "What is on your mind?" }
                again: { nl: "Hoe zou je het dan zeggen?", en: "How would you put it, then?" }
                next: spiegel
              - id: spiegel
                type: reflection
                text: { nl: "Je schreef: \\"{woorden:short}\\".", en: "You wrote: \\"{woorden:short}\\"." }
                next: erkenning
              - id: erkenning
                type: message
                text: { nl: "Dank je dat je het deelt.", en: "Thank you for sharing it." }
                variants:
                  - when: { variable: woorden, riskAtLeast: concern }
                    text: { nl: "Dat klinkt zwaar. Neem je tijd.", en: "That sounds heavy. Take your time." }
                  - when: { variable: woorden, longerThan: 120 }
                    text: { nl: "Je schreef er veel over.", en: "You wrote a lot about it." }
                  - when: { variable: woorden, shorterThan: 12 }
                    text: { nl: "Kort en krachtig.", en: "Short and to the point." }
                next: check
              - id: check
                type: choice
                variable: klopt
                text: { nl: "Klopt het als ik het zo samenvat: {woorden:short}?",
                        en: "Is it right if I sum it up like this: {woorden:short}?" }
                options:
                  - value: "ja"
                    label: { nl: "Ja, dat klopt", en: "Yes, that's right" }
                    next: stap
                  - value: anders
                    label: { nl: "Niet helemaal", en: "Not quite" }
                    revise: vraag
              - id: stap
                type: question
                variable: stap
                text: { nl: "Welke stap zet je?", en: "Which step will you take?" }
                again: { nl: "Hoe ziet een kleinere stap eruit?", en: "What would a smaller step look like?" }
                next: klein
              - id: klein
                type: choice
                text: { nl: "Is \\"{stap}\\" klein genoeg?", en: "Is \\"{stap}\\" small enough?" }
                options:
                  - value: "ja"
                    label: { nl: "Ja", en: "Yes" }
                    next: oefening
                  - value: kleiner
                    label: { nl: "Maak hem kleiner", en: "Make it smaller" }
                    revise: stap
              - id: oefening
                type: exercise
                title: { nl: "Je stap", en: "Your step" }
                text: { nl: "Doe dit: {stap}.", en: "Do this: {stap}." }
                next: einde
              - id: einde
                type: end
                text: { nl: "Dank je wel.", en: "Thank you." }
                summary:
                  - label: { nl: "Je stap", en: "Your step" }
                    variable: stap
                story:
                  title: { nl: "In een paar zinnen", en: "In a few sentences" }
                  sentences:
                    - text: { nl: "Je houdt je bezig met {woorden:short}.", en: "You are busy with {woorden:short}." }
                    - when: { variable: woorden, longerThan: 120 }
                      text: { nl: "Je nam er de ruimte voor.", en: "You took your time over it." }
                    - text: { nl: "Je volgende stap is: {stap}.", en: "Your next step is: {stap}." }
            """;

    private static Script parse(String yaml) {
        return new ScriptParser().parse("gesprek.yaml",
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Script conversation() {
        return parse(CONVERSATION);
    }

    private static String text(Step step, String nodeId, String language) {
        return step.turns().stream().filter(turn -> turn.nodeId().equals(nodeId) && !turn.kind().fromUser())
                .map(turn -> turn.text().in(language)).reduce((first, second) -> second).orElseThrow();
    }

    private Step answer(Script script, Step step, String text) {
        return engine.next(script, step.state(), new UserInput.Text(text));
    }

    private Step choose(Script script, Step step, String value) {
        return engine.next(script, step.state(), new UserInput.Choice(value));
    }

    @Nested
    class ShortQuotes {

        @Test
        void aShortOneSentenceAnswerIsQuotedWholeWithoutItsFullStop() {
            assertThat(Placeholders.shortQuote("Ik slaap slecht.")).isEqualTo("Ik slaap slecht");
        }

        @Test
        void aLongerAnswerIsQuotedByItsFirstSentenceWithAnEllipsis() {
            assertThat(Placeholders.shortQuote("Ik slaap slecht. Mijn werk vraagt veel en thuis is het onrustig."))
                    .isEqualTo("Ik slaap slecht\u2026");
        }

        @Test
        void aLineBreakEndsTheFirstSentenceToo() {
            assertThat(Placeholders.shortQuote("mijn werk\nen mijn moeder")).isEqualTo("mijn werk\u2026");
        }

        @Test
        void aLongFirstSentenceIsCutAtAWordWithinTheBound() {
            String answer = "Mijn vriendin zou zeggen dat ik altijd voor iedereen klaarsta en daarbij mezelf "
                    + "vergeet, ook als ik eigenlijk moe ben";
            String quote = Placeholders.shortQuote(answer);
            assertThat(quote).endsWith("\u2026").startsWith("Mijn vriendin zou zeggen");
            String words = quote.substring(0, quote.length() - 1);
            assertThat(words.codePointCount(0, words.length())).isLessThanOrEqualTo(Placeholders.SHORT_QUOTE_LENGTH);
            assertThat(answer).startsWith(words + " ");
        }

        @Test
        void reflectionShowsTheShortQuoteAndTheSummaryKeepsTheWholeAnswer() {
            Script script = conversation();
            String long_ = "Ik pieker veel. Vooral 's avonds, als het stil is in huis en ik alleen ben.";
            Step step = answer(script, engine.start(script), long_);

            assertThat(text(step, "spiegel", "nl")).isEqualTo("Je schreef: \"Ik pieker veel\u2026\".");
            assertThat(text(step, "spiegel", "en")).isEqualTo("You wrote: \"Ik pieker veel\u2026\".");
            assertThat(step.state().variables()).containsEntry("woorden", long_);
        }
    }

    @Nested
    class Acknowledgements {

        @Test
        void aPlainAnswerGetsTheOwnText() {
            Script script = conversation();
            Step step = answer(script, engine.start(script), "Mijn werk en de drukte thuis.");
            assertThat(text(step, "erkenning", "nl")).isEqualTo("Dank je dat je het deelt.");
        }

        @Test
        void aLongAnswerGetsTheLengthVariant() {
            Script script = conversation();
            Step step = answer(script, engine.start(script), "Ik pieker. ".repeat(15));
            assertThat(text(step, "erkenning", "nl")).isEqualTo("Je schreef er veel over.");
            assertThat(text(step, "erkenning", "en")).isEqualTo("You wrote a lot about it.");
        }

        @Test
        void aVeryShortAnswerGetsTheShortVariant() {
            Script script = conversation();
            Step step = answer(script, engine.start(script), "werk");
            assertThat(text(step, "erkenning", "nl")).isEqualTo("Kort en krachtig.");
        }

        @Test
        void anAnswerReadAtConcernGetsTheGentleVariantBeforeAnyOther() {
            Script script = conversation();
            Step step = engine.next(script, engine.start(script).state(), new UserInput.Text("Ik pieker. ".repeat(15)),
                    RiskLevel.CONCERN.code());
            assertThat(text(step, "erkenning", "nl")).isEqualTo("Dat klinkt zwaar. Neem je tijd.");
        }

        @Test
        void anAnswerReadAtCrisisCountsAsAtLeastConcern() {
            Script script = conversation();
            Step step = engine.next(script, engine.start(script).state(), new UserInput.Text("werk"),
                    RiskLevel.CRISIS.code());
            assertThat(text(step, "erkenning", "nl")).isEqualTo("Dat klinkt zwaar. Neem je tijd.");
        }

        @Test
        void theEngineKnowsTheSameRiskLevelsAsTheRiskModule() {
            assertThat(Condition.RiskAtLeast.LEVELS)
                    .containsExactlyElementsOf(java.util.Arrays.stream(RiskLevel.values()).map(RiskLevel::code).toList());
        }

        @Test
        void aChoiceVariantFollowsWhatWasChosen() {
            Script script = parse(HEADER + """
                    start: stemming
                    nodes:
                      - id: stemming
                        type: choice
                        variable: stemming
                        text: { nl: "Hoe gaat het?", en: "How are you?" }
                        options:
                          - value: goed
                            label: { nl: "Goed", en: "Well" }
                            next: erkenning
                          - value: zwaar
                            label: { nl: "Zwaar", en: "Hard" }
                            next: erkenning
                      - id: erkenning
                        type: message
                        text: { nl: "Fijn om te horen.", en: "Good to hear." }
                        variants:
                          - when: { variable: stemming, equals: zwaar }
                            text: { nl: "Dank je dat je het zegt.", en: "Thank you for saying so." }
                        next: einde
                      - id: einde
                        type: end
                        text: { nl: "Klaar.", en: "Done." }
                    """);
            assertThat(text(choose(script, engine.start(script), "zwaar"), "erkenning", "nl"))
                    .isEqualTo("Dank je dat je het zegt.");
            assertThat(text(choose(script, engine.start(script), "goed"), "erkenning", "nl"))
                    .isEqualTo("Fijn om te horen.");
        }
    }

    @Nested
    class Corrections {

        @Test
        void notQuiteAsksAgainWithTheAgainTextAndTheNewestAnswerWins() {
            Script script = conversation();
            Step step = answer(script, engine.start(script), "Mijn werk.");
            step = choose(script, step, "anders");

            assertThat(step.state().nodeId()).isEqualTo("vraag");
            assertThat(text(step, "vraag", "nl")).isEqualTo("Hoe zou je het dan zeggen?");
            assertThat(engine.prompt(script, step.state())).isInstanceOf(Prompt.FreeText.class);

            step = answer(script, step, "Eigenlijk mijn relatie.");
            assertThat(text(step, "spiegel", "nl")).isEqualTo("Je schreef: \"Eigenlijk mijn relatie\".");
            assertThat(text(step, "check", "nl"))
                    .isEqualTo("Klopt het als ik het zo samenvat: Eigenlijk mijn relatie?");
            assertThat(step.state().variables()).containsEntry("woorden", "Eigenlijk mijn relatie.");
        }

        @Test
        void aSmallerStepReplacesTheOldOneInExerciseSummaryAndStory() {
            Script script = conversation();
            Step step = answer(script, engine.start(script), "Mijn werk.");
            step = choose(script, step, "ja");
            assertThat(text(step, "stap", "nl")).isEqualTo("Welke stap zet je?");
            step = answer(script, step, "Elke dag een uur sporten");
            step = choose(script, step, "kleiner");
            assertThat(text(step, "stap", "nl")).isEqualTo("Hoe ziet een kleinere stap eruit?");
            step = answer(script, step, "Morgen tien minuten wandelen");
            assertThat(text(step, "klein", "nl")).isEqualTo("Is \"Morgen tien minuten wandelen\" klein genoeg?");
            step = choose(script, step, "ja");

            assertThat(step.state().finished()).isTrue();
            assertThat(text(step, "oefening", "nl")).isEqualTo("Doe dit: Morgen tien minuten wandelen.");
            List<String> summary = step.turns().stream().filter(turn -> turn.kind() == Turn.Kind.SUMMARY)
                    .map(turn -> turn.text().in("nl")).toList();
            assertThat(summary).containsExactly(
                    "Je houdt je bezig met Mijn werk. Je volgende stap is: Morgen tien minuten wandelen.",
                    "Morgen tien minuten wandelen");
            assertThat(String.join(" ", summary)).doesNotContain("sporten");
        }

        @Test
        void aWayBackIsNoLoopForProgressAndTheBarStaysWithinBounds() {
            Script script = conversation();
            Step step = answer(script, engine.start(script), "Mijn werk.");
            for (int round = 0; round < 3; round++) {
                step = choose(script, step, "anders");
                step = answer(script, step, "Nog eens anders.");
            }
            Progress progress = engine.progress(script, step.state());
            assertThat(progress.answered()).isEqualTo(7);
            assertThat(progress.total()).isGreaterThanOrEqualTo(progress.answered());
            assertThat(progress.percent()).isBetween(0, 100);
        }

        @Test
        void aNewAnswerWithoutRiskClearsTheRiskOfTheOldOne() {
            Script script = conversation();
            Step step = engine.next(script, engine.start(script).state(), new UserInput.Text("werk"),
                    RiskLevel.CONCERN.code());
            step = choose(script, step, "anders");
            step = answer(script, step, "werk");
            assertThat(text(step, "erkenning", "nl")).isEqualTo("Kort en krachtig.");
        }
    }

    @Nested
    class Stories {

        @Test
        void sentencesWhoseConditionFailsOrWhoseAnswerIsMissingAreLeftOut() {
            Script script = conversation();
            Step step = answer(script, engine.start(script), "Ik pieker veel. ".repeat(10));
            step = choose(script, step, "ja");
            step = answer(script, step, "Wandelen.");
            step = choose(script, step, "ja");

            Turn story = step.turns().stream().filter(turn -> turn.kind() == Turn.Kind.SUMMARY).findFirst()
                    .orElseThrow();
            assertThat(story.title()).hasValueSatisfying(title -> assertThat(title.in("en"))
                    .isEqualTo("In a few sentences"));
            assertThat(story.text().in("nl")).isEqualTo("Je houdt je bezig met Ik pieker veel\u2026 "
                    + "Je nam er de ruimte voor. Je volgende stap is: Wandelen.");
            assertThat(story.text().in("en")).isEqualTo("You are busy with Ik pieker veel\u2026 "
                    + "You took your time over it. Your next step is: Wandelen.");
        }

        @Test
        void aSentenceAboutAnAnswerFromAnotherPathIsLeftOutAndNoSentenceMeansNoStory() {
            Script script = parse(HEADER + """
                    start: keuze
                    nodes:
                      - id: keuze
                        type: choice
                        text: { nl: "Wil je iets vertellen?", en: "Would you like to tell something?" }
                        options:
                          - value: "ja"
                            label: { nl: "Ja", en: "Yes" }
                            next: vraag
                          - value: "nee"
                            label: { nl: "Nee", en: "No" }
                            next: einde
                      - id: vraag
                        type: question
                        variable: woorden
                        text: { nl: "Vertel maar.", en: "Go ahead." }
                        next: einde
                      - id: einde
                        type: end
                        text: { nl: "Klaar.", en: "Done." }
                        story:
                          title: { nl: "Kort", en: "Briefly" }
                          sentences:
                            - text: { nl: "Je vertelde over {woorden:short}.", en: "You told about {woorden:short}." }
                    """);
            Step told = answer(script, choose(script, engine.start(script), "ja"), "de zee");
            assertThat(told.turns()).filteredOn(turn -> turn.kind() == Turn.Kind.SUMMARY).singleElement()
                    .satisfies(turn -> assertThat(turn.text().in("nl")).isEqualTo("Je vertelde over de zee."));
            Step silent = choose(script, engine.start(script), "nee");
            assertThat(silent.state().finished()).isTrue();
            assertThat(silent.turns()).noneMatch(turn -> turn.kind() == Turn.Kind.SUMMARY);
        }
    }

    @Nested
    class Misuse {

        /** A broken example from src/test/resources/broken-scripts is rejected with exactly this one problem. */
        private void assertRejected(String file, String nodeId, String problem) {
            try (var in = ConversationToolsTest.class.getResourceAsStream("/broken-scripts/" + file)) {
                assertThat(in).as(file).isNotNull();
                new ScriptParser().parse(file, in);
            } catch (ScriptFormatException e) {
                assertThat(e.problems()).containsExactly(new ScriptProblem(file, nodeId, problem));
                return;
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            throw new AssertionError(file + " was accepted");
        }

        @Test
        void aWayBackToALaterNodeIsRejected() {
            assertRejected("revise-forward.yaml", "check", "option 'opnieuw' goes back to 'verder', which does not "
                    + "lead to this choice; a way back must return to an earlier node");
        }

        @Test
        void aChoiceWhoseOptionsAllGoBackIsRejected() {
            assertRejected("revise-only.yaml", "check", "every option goes back; at least one option must move forward");
        }

        @Test
        void anAgainTextNoChoiceLeadsBackToIsRejected() {
            assertRejected("again-without-way-back.yaml", "vraag",
                    "has an 'again' text, but no choice sends the person back to it");
        }

        @Test
        void anUnknownPlaceholderFormatIsRejected() {
            assertRejected("unknown-format.yaml", "spiegel",
                    "{woorden:kort} has an unknown format; use {woorden} or {woorden:short}");
        }

        @Test
        void aShortQuoteOfAChoiceIsRejected() {
            assertRejected("short-on-choice.yaml", "spiegel",
                    "{stemming:short} shortens free text, but 'stemming' is not the answer to a question");
        }

        @Test
        void aLengthTestOnAChoiceIsRejected() {
            assertRejected("length-on-choice.yaml", "erkenning", "tests the length or risk of 'stemming', which is "
                    + "not a free-text answer; only answers to a question have those");
        }

        @Test
        void anUnknownRiskLevelIsRejected() {
            assertRejected("unknown-risk-level.yaml", "erkenning",
                    "risk level 'high' must be one of [concern, crisis]");
        }

        @Test
        void aStorySentenceAboutAnAnswerNeverGivenIsRejected() {
            assertRejected("story-never-set.yaml", "einde",
                    "story uses variable 'vergeten', which is never set before this node");
        }

        private String rejected(String yaml) {
            try {
                parse(yaml);
            } catch (ScriptFormatException e) {
                return e.getMessage();
            }
            throw new AssertionError("accepted");
        }

        @Test
        void anOptionWithBothNextAndReviseIsRejected() {
            String yaml = CONVERSATION.replace("revise: vraag", "revise: vraag\n        next: stap");
            assertThat(rejected(yaml)).contains("option 'anders' has both 'next' and 'revise'; use one");
        }

        @Test
        void aWayBackToANodeThatDoesNotExistIsRejected() {
            assertThat(rejected(CONVERSATION.replace("revise: vraag", "revise: nergens")))
                    .contains("node 'check': option 'anders' goes back to 'nergens', which does not exist");
        }

        @Test
        void aLengthTestWithoutAWholeNumberIsRejected() {
            assertThat(rejected(CONVERSATION.replace("longerThan: 120 }", "longerThan: veel }")))
                    .contains("'longerThan' must be a whole number");
        }

        @Test
        void aLengthTestOfZeroIsRejected() {
            assertThat(rejected(CONVERSATION.replace("shorterThan: 12", "shorterThan: 0")))
                    .contains("node 'erkenning': a length test needs a number of characters of 1 or more");
        }

        @Test
        void aVariantWithoutEnglishIsRejected() {
            assertThat(rejected(CONVERSATION.replace(", en: \"Short and to the point.\"", "")))
                    .contains("node 'erkenning': text of a variant has no English text ('en')");
        }
    }
}
