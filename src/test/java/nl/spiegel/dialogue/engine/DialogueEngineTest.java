package nl.spiegel.dialogue.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import nl.spiegel.dialogue.content.ScriptCatalog;
import nl.spiegel.dialogue.content.ScriptParser;

class DialogueEngineTest {

    private final DialogueEngine engine = new DialogueEngine();

    private static final String HEADER = """
            id: test
            version: 1
            minutes: 2
            title: { nl: "Test", en: "Test" }
            description: { nl: "Een test.", en: "A test." }
            """;

    /** Covers every node kind: message, question, reflection, choice (with set), exercise and end with summary. */
    private static final String ALL_KINDS = HEADER + """
            start: hallo
            nodes:
              - id: hallo
                type: message
                text: { nl: "Hallo.", en: "Hello." }
                next: uitleg
              - id: uitleg
                type: message
                text: { nl: "Eerst wat uitleg.", en: "Some explanation first." }
                next: naam
              - id: naam
                type: question
                variable: naam
                maxLength: 5
                text: { nl: "Hoe heet je?", en: "What is your name?" }
                next: spiegel-naam
              - id: spiegel-naam
                type: reflection
                text: { nl: "Je heet \\"{naam}\\".", en: "Your name is \\"{naam}\\"." }
                next: stemming
              - id: stemming
                type: choice
                variable: stemming
                text: { nl: "Hoe gaat het, {naam}?", en: "How are you, {naam}?" }
                options:
                  - value: goed
                    label: { nl: "Best goed", en: "Quite well" }
                    next: spiegel-stemming
                  - value: zwaar
                    label: { nl: "Het is zwaar", en: "It is hard" }
                    set: { zorg: extra-aandacht }
                    next: spiegel-stemming
              - id: spiegel-stemming
                type: reflection
                text: { nl: "Je koos: {stemming}.", en: "You chose: {stemming}." }
                next: oefening
              - id: oefening
                type: exercise
                title: { nl: "Opmerken", en: "Noticing" }
                text: { nl: "Let morgen op je stemming, {naam}.", en: "Notice your mood tomorrow, {naam}." }
                next: einde
              - id: einde
                type: end
                text: { nl: "Dank je wel.", en: "Thank you." }
                summary:
                  - label: { nl: "Je naam", en: "Your name" }
                    variable: naam
                  - label: { nl: "Hoe het ging", en: "How you were" }
                    variable: stemming
                  - label: { nl: "Zorg", en: "Care" }
                    variable: zorg
            """;

    /** A choice that sets 'kleur' and 'extra', followed by a branch whose rules are filled in per test. */
    private static String branchScript(String rules) {
        return HEADER + """
                start: kies
                nodes:
                  - id: kies
                    type: choice
                    variable: kleur
                    text: { nl: "Kies een kleur.", en: "Pick a colour." }
                    options:
                      - value: rood
                        label: { nl: "Rood", en: "Red" }
                        set: { extra: "ja" }
                        next: splits
                      - value: groen
                        label: { nl: "Groen", en: "Green" }
                        set: { extra: "" }
                        next: splits
                      - value: blauw
                        label: { nl: "Blauw", en: "Blue" }
                        set: { extra: "" }
                        next: splits
                      - value: geel
                        label: { nl: "Geel", en: "Yellow" }
                        set: { extra: "   " }
                        next: splits
                  - id: splits
                    type: branch
                    branches:
                %s
                    otherwise: uit-c
                  - id: uit-a
                    type: message
                    text: { nl: "A", en: "A" }
                    next: einde
                  - id: uit-b
                    type: message
                    text: { nl: "B", en: "B" }
                    next: einde
                  - id: uit-c
                    type: message
                    text: { nl: "C", en: "C" }
                    next: einde
                  - id: einde
                    type: end
                    text: { nl: "Klaar.", en: "Done." }
                """.formatted(rules.indent(6).stripTrailing());
    }

    static Script parse(String yaml) {
        return new ScriptParser().parse("test.yaml",
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Turn.Kind> kinds(Step step) {
        return step.turns().stream().map(Turn::kind).toList();
    }

    private static Turn only(Step step, Turn.Kind kind) {
        List<Turn> matching = step.turns().stream().filter(turn -> turn.kind() == kind).toList();
        assertThat(matching).as("turns of kind %s in %s", kind, step.turns()).hasSize(1);
        return matching.getFirst();
    }

    private Step answer(Script script, Step step, String text) {
        return engine.next(script, step.state(), new UserInput.Text(text));
    }

    private Step choose(Script script, Step step, String value) {
        return engine.next(script, step.state(), new UserInput.Choice(value));
    }

    private InvalidInputException.Reason reasonOf(Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException e) {
            return e.reason();
        }
        throw new AssertionError("expected an InvalidInputException");
    }

    @Nested
    class Messages {

        @Test
        void messagesAreEmittedInOrderAndTheEngineRunsOnToTheFirstQuestion() {
            Script script = parse(ALL_KINDS);

            Step step = engine.start(script);

            assertThat(kinds(step)).containsExactly(Turn.Kind.BOT, Turn.Kind.BOT, Turn.Kind.BOT);
            assertThat(step.turns()).extracting(Turn::nodeId).containsExactly("hallo", "uitleg", "naam");
            assertThat(step.turns().get(0).text().in("nl")).isEqualTo("Hallo.");
            assertThat(step.turns().get(0).text().in("en")).isEqualTo("Hello.");
            assertThat(step.turns().get(2).text().in("en")).isEqualTo("What is your name?");
            assertThat(step.turns()).allSatisfy(turn -> assertThat(turn.title()).isEmpty());
            assertThat(step.state().nodeId()).isEqualTo("naam");
            assertThat(step.state().finished()).isFalse();
            assertThat(step.state().answered()).isZero();
            assertThat(step.state().variables()).isEmpty();
        }

        @Test
        void aNodeThatDoesNotWaitCannotBeAnswered() {
            Script script = parse(ALL_KINDS);
            DialogueState atMessage = new DialogueState("hallo", Map.of(), false, 0);

            assertThat(reasonOf(() -> engine.next(script, atMessage, new UserInput.Text("hoi"))))
                    .isEqualTo(InvalidInputException.Reason.WRONG_KIND);
        }
    }

    @Nested
    class Questions {

        private final Script script = parse(ALL_KINDS);

        @Test
        void questionPromptsForFreeTextWithItsMaxLength() {
            Step step = engine.start(script);

            assertThat(engine.prompt(script, step.state())).isEqualTo(new Prompt.FreeText(5));
        }

        @Test
        void answerIsStoredAndShownAsUserTextThenTheEngineRunsOn() {
            Step step = answer(script, engine.start(script), "Anna");

            assertThat(step.state().variables()).containsEntry("naam", "Anna");
            assertThat(step.state().answered()).isEqualTo(1);
            assertThat(step.state().nodeId()).isEqualTo("stemming");
            assertThat(kinds(step)).containsExactly(Turn.Kind.USER_TEXT, Turn.Kind.REFLECTION, Turn.Kind.BOT);
            Turn user = step.turns().getFirst();
            assertThat(user.nodeId()).isEqualTo("naam");
            assertThat(user.text().isVerbatim()).isTrue();
            assertThat(user.text().in("nl")).isEqualTo("Anna");
            assertThat(user.text().in("en")).isEqualTo("Anna");
        }

        @Test
        void answerIsTrimmedAndLineEndingsAreNormalised() {
            Step step = answer(script, engine.start(script), "  \r\nAn\r\nna \t\n");

            assertThat(step.state().variables()).containsEntry("naam", "An\nna");
            assertThat(step.turns().getFirst().text().in("nl")).isEqualTo("An\nna");
        }

        @Test
        void emptyOrBlankAnswerIsRejectedWithReasonEmpty() {
            Step start = engine.start(script);

            assertThat(reasonOf(() -> answer(script, start, ""))).isEqualTo(InvalidInputException.Reason.EMPTY);
            assertThat(reasonOf(() -> answer(script, start, "  \n\t "))).isEqualTo(InvalidInputException.Reason.EMPTY);
            assertThat(reasonOf(() -> answer(script, start, null))).isEqualTo(InvalidInputException.Reason.EMPTY);
        }

        @Test
        void answerLongerThanMaxLengthIsRejectedWithReasonTooLong() {
            Step start = engine.start(script);

            assertThat(reasonOf(() -> answer(script, start, "abcdef")))
                    .isEqualTo(InvalidInputException.Reason.TOO_LONG);
        }

        @Test
        void maxLengthCountsCodePointsSoEmojiCountAsOneCharacter() {
            Step start = engine.start(script);
            String fiveEmoji = "😀😀😀😀😀";
            String sixEmoji = fiveEmoji + "😀";
            assertThat(fiveEmoji.length()).isEqualTo(10);

            assertThat(answer(script, start, fiveEmoji).state().variables()).containsEntry("naam", fiveEmoji);
            assertThat(reasonOf(() -> answer(script, start, sixEmoji)))
                    .isEqualTo(InvalidInputException.Reason.TOO_LONG);
        }

        @Test
        void answerOfExactlyMaxLengthIsAccepted() {
            Step step = answer(script, engine.start(script), "abcde");

            assertThat(step.state().variables()).containsEntry("naam", "abcde");
        }

        @Test
        void surroundingWhitespaceDoesNotCountTowardsMaxLength() {
            Step step = answer(script, engine.start(script), "   abcde   ");

            assertThat(step.state().variables()).containsEntry("naam", "abcde");
        }

        @Test
        void aChoiceGivenToAQuestionIsRejectedWithReasonWrongKind() {
            Step start = engine.start(script);

            assertThat(reasonOf(() -> choose(script, start, "goed")))
                    .isEqualTo(InvalidInputException.Reason.WRONG_KIND);
        }

        @Test
        void rejectedAnswerLeavesTheStateUntouched() {
            Step start = engine.start(script);
            DialogueState before = start.state();

            assertThatThrownBy(() -> answer(script, start, "much too long")).isInstanceOf(InvalidInputException.class);

            assertThat(start.state()).isEqualTo(before);
            assertThat(answer(script, start, "Bo").state().variables()).containsEntry("naam", "Bo");
        }

        @Test
        void questionWithoutMaxLengthDefaultsToOneThousand() {
            Script defaults = parse(HEADER + """
                    start: vraag
                    nodes:
                      - id: vraag
                        type: question
                        variable: antwoord
                        text: { nl: "Vraag?", en: "Question?" }
                        next: einde
                      - id: einde
                        type: end
                        text: { nl: "Klaar.", en: "Done." }
                    """);
            Step start = engine.start(defaults);

            assertThat(engine.prompt(defaults, start.state())).isEqualTo(new Prompt.FreeText(1000));
            assertThat(answer(defaults, start, "x".repeat(1000)).state().finished()).isTrue();
            assertThat(reasonOf(() -> answer(defaults, start, "x".repeat(1001))))
                    .isEqualTo(InvalidInputException.Reason.TOO_LONG);
        }
    }

    @Nested
    class Choices {

        private final Script script = parse(ALL_KINDS);

        private Step atChoice() {
            return answer(script, engine.start(script), "Anna");
        }

        @Test
        void choicePromptOffersTheOptionsInScriptOrder() {
            Prompt prompt = engine.prompt(script, atChoice().state());

            assertThat(prompt).isInstanceOf(Prompt.Choices.class);
            assertThat(((Prompt.Choices) prompt).options()).extracting(Node.Option::value)
                    .containsExactly("goed", "zwaar");
        }

        @Test
        void chosenValueIsStoredInTheVariable() {
            Step step = choose(script, atChoice(), "goed");

            assertThat(step.state().variables()).containsEntry("stemming", "goed").doesNotContainKey("zorg");
            assertThat(step.state().answered()).isEqualTo(2);
        }

        @Test
        void optionAppliesItsSetVariables() {
            Step step = choose(script, atChoice(), "zwaar");

            assertThat(step.state().variables())
                    .containsEntry("stemming", "zwaar")
                    .containsEntry("zorg", "extra-aandacht")
                    .containsEntry("naam", "Anna");
        }

        @Test
        void userChoiceTurnShowsTheOptionLabelInDutchAndEnglish() {
            Step step = choose(script, atChoice(), "zwaar");

            Turn user = step.turns().getFirst();
            assertThat(user.kind()).isEqualTo(Turn.Kind.USER_CHOICE);
            assertThat(user.nodeId()).isEqualTo("stemming");
            assertThat(user.text().in("nl")).isEqualTo("Het is zwaar");
            assertThat(user.text().in("en")).isEqualTo("It is hard");
        }

        @Test
        void unknownOptionIsRejectedWithReasonUnknownOption() {
            Step step = atChoice();

            assertThat(reasonOf(() -> choose(script, step, "fantastisch")))
                    .isEqualTo(InvalidInputException.Reason.UNKNOWN_OPTION);
        }

        @Test
        void optionLabelIsNotAcceptedAsValue() {
            Step step = atChoice();

            assertThat(reasonOf(() -> choose(script, step, "Best goed")))
                    .isEqualTo(InvalidInputException.Reason.UNKNOWN_OPTION);
        }

        @Test
        void textGivenToAChoiceIsRejectedWithReasonWrongKind() {
            Step step = atChoice();

            assertThat(reasonOf(() -> answer(script, step, "goed")))
                    .isEqualTo(InvalidInputException.Reason.WRONG_KIND);
        }

        @Test
        void choiceWithoutVariableOnlyAppliesSet() {
            Script noVariable = parse(HEADER + """
                    start: kies
                    nodes:
                      - id: kies
                        type: choice
                        text: { nl: "Verder?", en: "Continue?" }
                        options:
                          - value: ja
                            label: { nl: "Ja", en: "Yes" }
                            set: { verder: "ja", extra: "1" }
                            next: einde
                          - value: nee
                            label: { nl: "Nee", en: "No" }
                            next: einde
                      - id: einde
                        type: end
                        text: { nl: "Klaar.", en: "Done." }
                    """);

            Step yes = choose(noVariable, engine.start(noVariable), "ja");
            Step no = choose(noVariable, engine.start(noVariable), "nee");

            assertThat(yes.state().variables()).containsExactlyInAnyOrderEntriesOf(Map.of("verder", "ja", "extra", "1"));
            assertThat(no.state().variables()).isEmpty();
        }
    }

    @Nested
    class Reflections {

        private final Script script = parse(ALL_KINDS);

        @Test
        void reflectionMirrorsTheAnswerInBothLanguages() {
            Step step = answer(script, engine.start(script), "Anna");

            Turn reflection = only(step, Turn.Kind.REFLECTION);
            assertThat(reflection.nodeId()).isEqualTo("spiegel-naam");
            assertThat(reflection.text().in("nl")).isEqualTo("Je heet \"Anna\".");
            assertThat(reflection.text().in("en")).isEqualTo("Your name is \"Anna\".");
        }

        @Test
        void mirroredWordsLoseTheirClosingFullStopButTheSummaryKeepsThem() {
            Step step = answer(script, engine.start(script), "Ann.");

            assertThat(only(step, Turn.Kind.REFLECTION).text().in("nl")).isEqualTo("Je heet \"Ann\".");
            assertThat(step.state().variables()).containsEntry("naam", "Ann.");
        }

        @Test
        void placeholdersInQuestionTextsAreFilledToo() {
            Step step = answer(script, engine.start(script), "Anna");

            Turn question = step.turns().getLast();
            assertThat(question.nodeId()).isEqualTo("stemming");
            assertThat(question.text().in("nl")).isEqualTo("Hoe gaat het, Anna?");
            assertThat(question.text().in("en")).isEqualTo("How are you, Anna?");
        }

        @Test
        void reflectionOfAChoiceShowsTheOptionLabelPerLanguage() {
            Step step = choose(script, answer(script, engine.start(script), "Anna"), "zwaar");

            Turn reflection = only(step, Turn.Kind.REFLECTION);
            assertThat(reflection.nodeId()).isEqualTo("spiegel-stemming");
            assertThat(reflection.text().in("nl")).isEqualTo("Je koos: Het is zwaar.");
            assertThat(reflection.text().in("en")).isEqualTo("You chose: It is hard.");
        }

        @Test
        void wordsThatLookLikeRegexReplacementsAreMirroredLiterally() {
            Step step = answer(script, engine.start(script), "$0\\a");

            assertThat(only(step, Turn.Kind.REFLECTION).text().in("en")).isEqualTo("Your name is \"$0\\a\".");
        }
    }

    @Nested
    class Branches {

        private String landing(Script script, String colour) {
            Step step = choose(script, engine.start(script), colour);
            return step.turns().stream()
                    .filter(turn -> turn.kind() == Turn.Kind.BOT)
                    .map(Turn::nodeId)
                    .findFirst()
                    .orElseThrow();
        }

        @Test
        void branchNodeShowsNothingItself() {
            Script script = parse(branchScript("""
                    - when: { variable: kleur, equals: rood }
                      next: uit-a
                    - when: { variable: kleur, equals: groen }
                      next: uit-b
                    """));

            Step step = choose(script, engine.start(script), "rood");

            assertThat(step.turns()).extracting(Turn::nodeId).doesNotContain("splits");
            assertThat(kinds(step)).containsExactly(Turn.Kind.USER_CHOICE, Turn.Kind.BOT, Turn.Kind.CLOSING);
        }

        @Test
        void equalsRuleMatchesOnlyTheExactValue() {
            Script script = parse(branchScript("""
                    - when: { variable: kleur, equals: rood }
                      next: uit-a
                    - when: { variable: kleur, equals: groen }
                      next: uit-b
                    """));

            assertThat(landing(script, "rood")).isEqualTo("uit-a");
            assertThat(landing(script, "groen")).isEqualTo("uit-b");
            assertThat(landing(script, "blauw")).isEqualTo("uit-c");
        }

        @Test
        void inRuleMatchesAnyValueOfTheList() {
            Script script = parse(branchScript("""
                    - when: { variable: kleur, in: [groen, blauw] }
                      next: uit-a
                    - when: { variable: kleur, in: [rood] }
                      next: uit-b
                    """));

            assertThat(landing(script, "groen")).isEqualTo("uit-a");
            assertThat(landing(script, "blauw")).isEqualTo("uit-a");
            assertThat(landing(script, "rood")).isEqualTo("uit-b");
            assertThat(landing(script, "geel")).isEqualTo("uit-c");
        }

        @Test
        void filledTrueMatchesANonBlankValue() {
            Script script = parse(branchScript("""
                    - when: { variable: extra, filled: true }
                      next: uit-a
                    - when: { variable: kleur, equals: groen }
                      next: uit-b
                    """));

            assertThat(landing(script, "rood")).isEqualTo("uit-a");
            assertThat(landing(script, "blauw")).isEqualTo("uit-c");
            assertThat(landing(script, "geel")).isEqualTo("uit-c");
        }

        @Test
        void filledFalseMatchesAnEmptyOrBlankValue() {
            Script script = parse(branchScript("""
                    - when: { variable: extra, filled: false }
                      next: uit-b
                    - when: { variable: kleur, equals: rood }
                      next: uit-a
                    """));

            assertThat(landing(script, "groen")).isEqualTo("uit-b");
            assertThat(landing(script, "blauw")).isEqualTo("uit-b");
            assertThat(landing(script, "geel")).isEqualTo("uit-b");
            assertThat(landing(script, "rood")).isEqualTo("uit-a");
        }

        @Test
        void filledFalseHoldsForAVariableThatWasNeverSet() {
            assertThat(new Condition.Filled("nooit", false).holds(Map.of())).isTrue();
            assertThat(new Condition.Filled("nooit", true).holds(Map.of())).isFalse();
        }

        @Test
        void firstMatchingRuleWins() {
            Script script = parse(branchScript("""
                    - when: { variable: kleur, in: [rood, groen] }
                      next: uit-a
                    - when: { variable: kleur, equals: rood }
                      next: uit-b
                    - when: { variable: extra, filled: true }
                      next: uit-b
                    """));

            assertThat(landing(script, "rood")).isEqualTo("uit-a");
            assertThat(landing(script, "groen")).isEqualTo("uit-a");
        }

        @Test
        void otherwiseIsTakenWhenNoRuleHolds() {
            Script script = parse(branchScript("""
                    - when: { variable: kleur, equals: rood }
                      next: uit-a
                    - when: { variable: kleur, in: [groen] }
                      next: uit-b
                    """));

            assertThat(landing(script, "geel")).isEqualTo("uit-c");
            assertThat(landing(script, "blauw")).isEqualTo("uit-c");
        }
    }

    @Nested
    class Exercises {

        @Test
        void exerciseTurnCarriesTitleAndFilledTextInBothLanguages() {
            Script script = parse(ALL_KINDS);
            Step step = choose(script, answer(script, engine.start(script), "Anna"), "goed");

            Turn exercise = only(step, Turn.Kind.EXERCISE);
            assertThat(exercise.nodeId()).isEqualTo("oefening");
            assertThat(exercise.title()).isPresent();
            assertThat(exercise.title().orElseThrow().in("nl")).isEqualTo("Opmerken");
            assertThat(exercise.title().orElseThrow().in("en")).isEqualTo("Noticing");
            assertThat(exercise.text().in("nl")).isEqualTo("Let morgen op je stemming, Anna.");
            assertThat(exercise.text().in("en")).isEqualTo("Notice your mood tomorrow, Anna.");
        }
    }

    @Nested
    class Ending {

        private final Script script = parse(ALL_KINDS);

        private Step finish(String mood) {
            return choose(script, answer(script, engine.start(script), "Anna"), mood);
        }

        @Test
        void lastAnswerRunsThroughReflectionAndExerciseToClosingAndSummary() {
            Step step = finish("zwaar");

            assertThat(kinds(step)).containsExactly(Turn.Kind.USER_CHOICE, Turn.Kind.REFLECTION, Turn.Kind.EXERCISE,
                    Turn.Kind.CLOSING, Turn.Kind.SUMMARY, Turn.Kind.SUMMARY, Turn.Kind.SUMMARY);
        }

        @Test
        void closingTurnShowsTheEndText() {
            Turn closing = only(finish("goed"), Turn.Kind.CLOSING);

            assertThat(closing.nodeId()).isEqualTo("einde");
            assertThat(closing.text().in("nl")).isEqualTo("Dank je wel.");
            assertThat(closing.text().in("en")).isEqualTo("Thank you.");
        }

        @Test
        void summaryHasOneTurnPerFilledItemWithTheLabelAsTitle() {
            List<Turn> summary = finish("zwaar").turns().stream()
                    .filter(turn -> turn.kind() == Turn.Kind.SUMMARY)
                    .toList();

            assertThat(summary).hasSize(3);
            assertThat(summary).allSatisfy(turn -> assertThat(turn.nodeId()).isEqualTo("einde"));
            assertThat(summary).extracting(turn -> turn.title().orElseThrow().in("nl"))
                    .containsExactly("Je naam", "Hoe het ging", "Zorg");
            assertThat(summary).extracting(turn -> turn.title().orElseThrow().in("en"))
                    .containsExactly("Your name", "How you were", "Care");
            assertThat(summary.get(0).text().in("en")).isEqualTo("Anna");
            assertThat(summary.get(1).text().in("nl")).isEqualTo("Het is zwaar");
            assertThat(summary.get(1).text().in("en")).isEqualTo("It is hard");
            assertThat(summary.get(2).text().in("nl")).isEqualTo("extra-aandacht");
        }

        @Test
        void summaryItemWhoseVariableWasNeverSetIsLeftOut() {
            List<Turn> summary = finish("goed").turns().stream()
                    .filter(turn -> turn.kind() == Turn.Kind.SUMMARY)
                    .toList();

            assertThat(summary).extracting(turn -> turn.title().orElseThrow().in("en"))
                    .containsExactly("Your name", "How you were");
        }

        @Test
        void finishedStateStaysOnTheEndNodeWithNothingToAnswer() {
            Step step = finish("goed");

            assertThat(step.state().finished()).isTrue();
            assertThat(step.state().nodeId()).isEqualTo("einde");
            assertThat(step.state().answered()).isEqualTo(2);
            assertThat(engine.prompt(script, step.state())).isEqualTo(new Prompt.None());
        }

        @Test
        void answeringAFinishedDialogueIsRejectedWithReasonFinished() {
            Step step = finish("goed");

            assertThat(reasonOf(() -> answer(script, step, "nog iets")))
                    .isEqualTo(InvalidInputException.Reason.FINISHED);
            assertThat(reasonOf(() -> choose(script, step, "goed")))
                    .isEqualTo(InvalidInputException.Reason.FINISHED);
        }

        @Test
        void scriptThatStartsAtTheEndIsFinishedAtOnce() {
            Script immediate = parse(HEADER + """
                    start: einde
                    nodes:
                      - id: einde
                        type: end
                        text: { nl: "Klaar.", en: "Done." }
                    """);

            Step step = engine.start(immediate);

            assertThat(kinds(step)).containsExactly(Turn.Kind.CLOSING);
            assertThat(step.state().finished()).isTrue();
            assertThat(engine.progress(immediate, step.state()).percent()).isEqualTo(100);
        }
    }

    @Nested
    class Determinism {

        @Test
        void sameInputsGiveEqualSteps() {
            Script script = parse(ALL_KINDS);
            List<UserInput> inputs = List.of(new UserInput.Text(" Anna "), new UserInput.Choice("zwaar"));

            assertThat(run(script, inputs)).isEqualTo(run(parse(ALL_KINDS), inputs));
        }

        @Test
        void aStateCanBeAnsweredTwiceWithTheSameOutcome() {
            Script script = parse(ALL_KINDS);
            Step start = engine.start(script);

            assertThat(answer(script, start, "Anna")).isEqualTo(answer(script, start, "Anna"));
        }

        private List<Step> run(Script script, List<UserInput> inputs) {
            DialogueEngine fresh = new DialogueEngine();
            List<Step> steps = new ArrayList<>();
            Step step = fresh.start(script);
            steps.add(step);
            for (UserInput input : inputs) {
                step = fresh.next(script, step.state(), input);
                steps.add(step);
            }
            return steps;
        }
    }

    @Nested
    class Progressing {

        /** The long path asks three questions, the short path one; progress must allow for the longest. */
        private final Script script = parse(HEADER + """
                start: kies
                nodes:
                  - id: kies
                    type: choice
                    variable: pad
                    text: { nl: "Lang of kort?", en: "Long or short?" }
                    options:
                      - value: lang
                        label: { nl: "Lang", en: "Long" }
                        next: een
                      - value: kort
                        label: { nl: "Kort", en: "Short" }
                        next: einde
                  - id: een
                    type: question
                    variable: een
                    text: { nl: "Een?", en: "One?" }
                    next: twee
                  - id: twee
                    type: question
                    variable: twee
                    text: { nl: "Twee?", en: "Two?" }
                    next: einde
                  - id: einde
                    type: end
                    text: { nl: "Klaar.", en: "Done." }
                """);

        @Test
        void progressStartsAtZeroOfTheLongestPath() {
            Progress progress = engine.progress(script, engine.start(script).state());

            assertThat(progress).isEqualTo(new Progress(0, 3));
            assertThat(progress.percent()).isZero();
        }

        @Test
        void progressCountsAnsweredAgainstWhatCanStillFollow() {
            Step step = choose(script, engine.start(script), "lang");
            assertThat(engine.progress(script, step.state())).isEqualTo(new Progress(1, 3));

            step = answer(script, step, "ja");
            assertThat(engine.progress(script, step.state())).isEqualTo(new Progress(2, 3));
            assertThat(engine.progress(script, step.state()).percent()).isEqualTo(67);
        }

        @Test
        void progressIsCompleteWhenFinishedEvenOnAShortPath() {
            Step step = choose(script, engine.start(script), "kort");

            Progress progress = engine.progress(script, step.state());
            assertThat(progress).isEqualTo(new Progress(1, 1));
            assertThat(progress.fraction()).isEqualTo(1.0);
            assertThat(progress.percent()).isEqualTo(100);
        }

        @Test
        void totalIsNeverBelowAnsweredAndFinishedIsAlwaysHundredPercent() {
            for (Script shipped : shippedScripts().toList()) {
                for (Function<List<Node.Option>, Node.Option> pick : List.<Function<List<Node.Option>, Node.Option>>of(
                        List::getFirst, List::getLast)) {
                    Step step = engine.start(shipped);
                    while (!step.state().finished()) {
                        Progress progress = engine.progress(shipped, step.state());
                        assertThat(progress.total()).isGreaterThanOrEqualTo(progress.answered());
                        assertThat(progress.answered()).isEqualTo(step.state().answered());
                        assertThat(progress.percent()).isBetween(0, 99);
                        step = reply(shipped, step, pick);
                    }
                    Progress done = engine.progress(shipped, step.state());
                    assertThat(done.total()).isEqualTo(done.answered());
                    assertThat(done.percent()).isEqualTo(100);
                }
            }
        }
    }

    // ----- full walks through every shipped script -----

    private static final int MAX_STEPS = 50;

    static Stream<Script> shippedScripts() {
        return ScriptCatalog.load("classpath*:dialogues/*.yaml").stream();
    }

    static Stream<Named<Script>> namedShippedScripts() {
        return shippedScripts().map(script -> Named.of(script.id() + " v" + script.version(), script));
    }

    private Step reply(Script script, Step step, Function<List<Node.Option>, Node.Option> pick) {
        return switch (engine.prompt(script, step.state())) {
            case Prompt.FreeText(int maxLength) -> answer(script, step,
                    "Iets wat ik zelf schreef".substring(0, Math.min(24, maxLength)));
            // a way back (to correct an answer) is walked in ShippedScriptsTest; here the walk moves forward
            case Prompt.Choices(List<Node.Option> options) -> choose(script, step,
                    pick.apply(options.stream().filter(option -> !option.revise()).toList()).value());
            case Prompt.Form form -> engine.next(script, step.state(), new UserInput.Answers(
                    Map.of(form.questionnaire().items().getFirst().id(), 0)));
            case Prompt.None none -> throw new AssertionError("unfinished dialogue has no prompt at "
                    + step.state().nodeId());
        };
    }

    private List<Turn> walk(Script script, Function<List<Node.Option>, Node.Option> pick) {
        List<Turn> turns = new ArrayList<>();
        Step step = engine.start(script);
        turns.addAll(step.turns());
        int steps = 0;
        while (!step.state().finished()) {
            assertThat(++steps).as("replies needed to finish %s", script.id()).isLessThanOrEqualTo(MAX_STEPS);
            step = reply(script, step, pick);
            turns.addAll(step.turns());
        }
        assertThat(engine.prompt(script, step.state())).isEqualTo(new Prompt.None());
        return turns;
    }

    private static void assertCompleteDialogue(Script script, List<Turn> turns) {
        assertThat(turns.stream().filter(turn -> turn.kind() == Turn.Kind.EXERCISE))
                .as("exercises in %s", script.id()).hasSize(1);
        assertThat(turns.stream().filter(turn -> turn.kind() == Turn.Kind.CLOSING))
                .as("closing turns in %s", script.id()).hasSize(1);
        List<Turn> summary = turns.stream().filter(turn -> turn.kind() == Turn.Kind.SUMMARY).toList();
        assertThat(summary).as("summary of %s", script.id()).isNotEmpty();
        assertThat(summary).allSatisfy(turn -> assertThat(turn.title()).isPresent());
        // closing words and then only the summary
        int closing = turns.indexOf(turns.stream().filter(turn -> turn.kind() == Turn.Kind.CLOSING).findFirst()
                .orElseThrow());
        assertThat(turns.subList(closing + 1, turns.size())).extracting(Turn::kind).containsOnly(Turn.Kind.SUMMARY);
        // every text is filled in both languages and no placeholder is left over
        for (Turn turn : turns) {
            for (String language : LocalizedText.LANGUAGES) {
                for (Optional<LocalizedText> text : List.of(Optional.of(turn.text()), turn.title())) {
                    text.ifPresent(value -> assertThat(value.in(language))
                            .as("%s turn of node %s in %s (%s)", turn.kind(), turn.nodeId(), script.id(), language)
                            .isNotBlank()
                            .doesNotContainPattern("\\{[A-Za-z][A-Za-z0-9_-]*}"));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("namedShippedScripts")
    void shippedScriptFinishesWithSummaryAndOneExerciseTakingTheFirstOption(Script script) {
        assertCompleteDialogue(script, walk(script, List::getFirst));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("namedShippedScripts")
    void shippedScriptFinishesWithSummaryAndOneExerciseTakingTheLastOption(Script script) {
        assertCompleteDialogue(script, walk(script, List::getLast));
    }
}
