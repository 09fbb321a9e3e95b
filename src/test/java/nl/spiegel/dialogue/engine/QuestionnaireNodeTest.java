package nl.spiegel.dialogue.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.spiegel.dialogue.ShippedQuestionnaires;
import nl.spiegel.dialogue.content.ScriptParser;

/** The questionnaire node: one form, scored by the script's own rules, bands and safety rules. */
class QuestionnaireNodeTest {

    private final DialogueEngine engine = new DialogueEngine();
    private final Script script = load();

    private static Script load() {
        try (InputStream in = QuestionnaireNodeTest.class.getResourceAsStream("/questionnaire-script.yaml")) {
            return new ScriptParser().parse("questionnaire-script.yaml", in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Step answer(Map<String, Integer> values) {
        Step start = engine.start(script);
        assertThat(engine.prompt(script, start.state())).isInstanceOf(Prompt.Form.class);
        return engine.next(script, start.state(), new UserInput.Answers(values));
    }

    @Test
    void aCompleteFormIsSummedOverTheScoredItemsAndBanded() {
        Step step = answer(Map.of("a", 2, "b", 1, "c", 1));

        assertThat(step.state().variables()).containsEntry("score", "3").containsEntry("score-band", "hoog");
        assertThat(step.turns()).extracting(Turn::kind)
                .containsExactly(Turn.Kind.USER_CHOICE, Turn.Kind.BOT, Turn.Kind.BOT, Turn.Kind.CLOSING);
        assertThat(step.turns().get(0).text().in("nl")).isEqualTo("Moe: Vaak\nGespannen: Soms\nSomber: Soms");
        assertThat(step.turns().get(1).text().in("nl")).isEqualTo("Score 3 van 4: veel.");
        assertThat(step.turns().get(1).text().in("en")).isEqualTo("Score 3 of 4: a lot.");
        assertThat(step.turns().get(2).text().in("nl")).isEqualTo("Je score is 3.");
    }

    @Test
    void theLowestAndHighestTotalsFallInTheFirstAndLastBand() {
        Node.Questionnaire questionnaire = (Node.Questionnaire) script.require("lijst");
        assertThat(questionnaire.score(Map.of("a", 0, "b", 0)).band()).map(Node.BandRule::band).hasValue("laag");
        assertThat(questionnaire.score(Map.of("a", 1, "b", 1)).band()).map(Node.BandRule::band).hasValue("laag");
        assertThat(questionnaire.score(Map.of("a", 2, "b", 1)).band()).map(Node.BandRule::band).hasValue("hoog");
        assertThat(questionnaire.score(Map.of("a", 2, "b", 2)).total()).hasValue(4);
    }

    @Test
    void aSkippedScoredItemGivesNoScoreAndTheScriptCanTellSo() {
        Step step = answer(Map.of("a", 2, "c", 0));

        assertThat(step.state().variables()).containsEntry("score", "").containsEntry("score-band", "");
        assertThat(step.turns().get(0).text().in("en")).isEqualTo("Tired: Often\nTense: \u2013\nLow: Never");
        assertThat(step.turns().get(1).text().in("nl")).isEqualTo("2 van 3 ingevuld.");
        assertThat(step.turns().get(2).text().in("nl")).isEqualTo("Geen score.");
    }

    @Test
    void skippingAnItemThatIsNotScoredStillGivesAScore() {
        assertThat(answer(Map.of("a", 1, "b", 0)).state().variables()).containsEntry("score", "1");
    }

    @Test
    void anAnswerAboveTheSafetyRuleAsksForASafetyCheckWhateverTheTotal() {
        Node.Questionnaire questionnaire = (Node.Questionnaire) script.require("lijst");
        assertThat(questionnaire.score(Map.of("c", 2)).safetyCheck()).isTrue();
        assertThat(questionnaire.score(Map.of("a", 0, "b", 0, "c", 2)).safetyCheck()).isTrue();
        assertThat(questionnaire.score(Map.of("a", 2, "b", 2, "c", 1)).safetyCheck()).isFalse();
    }

    @Test
    void anEmptyFormAValueOffTheScaleOrAnUnknownItemIsRefused() {
        assertThatThrownBy(() -> answer(Map.of())).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.reason()).isEqualTo(InvalidInputException.Reason.NO_ANSWERS));
        assertThatThrownBy(() -> answer(Map.of("a", 3))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.reason()).isEqualTo(InvalidInputException.Reason.UNKNOWN_OPTION));
        assertThatThrownBy(() -> answer(Map.of("z", 1))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.reason()).isEqualTo(InvalidInputException.Reason.UNKNOWN_OPTION));
        Step start = engine.start(script);
        assertThatThrownBy(() -> engine.next(script, start.state(), new UserInput.Text("3")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidInputException.Reason.WRONG_KIND));
    }

    @Test
    void answersSurviveTheirCompactFormWithSkippedItemsLeftOut() {
        Map<String, Integer> values = new LinkedHashMap<>();
        values.put("item-1", 3);
        values.put("item-2", null);
        values.put("item-9", 1);
        UserInput.Answers answers = new UserInput.Answers(values);

        assertThat(answers.encode()).isEqualTo("item-1=3;item-9=1");
        assertThat(UserInput.Answers.decode(answers.encode())).isEqualTo(answers);
    }

    @Test
    void theShippedPhq9AndGad7AreDefinedInTheirScriptsWithTheStandardScoring() {
        Node.Questionnaire phq9 = ShippedQuestionnaires.definition("phq9");
        Node.Questionnaire gad7 = ShippedQuestionnaires.definition("gad7");

        assertThat(phq9.items()).hasSize(9);
        assertThat(phq9.maxTotal()).isEqualTo(27);
        assertThat(phq9.bands()).extracting(Node.BandRule::from).containsExactly(0, 5, 10, 15, 20);
        assertThat(phq9.safety()).containsExactly(new Node.SafetyRule("item-9", 0));
        assertThat(gad7.items()).hasSize(7);
        assertThat(gad7.maxTotal()).isEqualTo(21);
        assertThat(gad7.bands()).extracting(Node.BandRule::from).containsExactly(0, 5, 10, 15);
        assertThat(gad7.safety()).isEmpty();
    }
}
