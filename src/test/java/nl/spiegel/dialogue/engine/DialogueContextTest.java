package nl.spiegel.dialogue.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.spiegel.dialogue.content.ScriptParser;

/** Variables Spiegel fills in at the start: the newest "how did it go?" answer on an exercise. */
class DialogueContextTest {

    private static final String YAML = """
            id: terug
            version: 1
            minutes: 1
            title: { nl: "Terug", en: "Back" }
            description: { nl: "Een test.", en: "A test." }
            start: hallo
            nodes:
              - id: hallo
                type: message
                text: { nl: "Hallo.", en: "Hello." }
                learn: hoe-werkt-therapie
                variants:
                  - when: { variable: last-followup, equals: well }
                    text: { nl: "Fijn dat het goed ging.", en: "Glad it went well." }
                    learn: psychodynamische-ideeen
                  - when: { variable: last-followup, in: [partly, not] }
                    text: { nl: "Het was niet makkelijk.", en: "It was not easy." }
                next: vraag
              - id: vraag
                type: choice
                variable: verder
                text: { nl: "Verder?", en: "Go on?" }
                options:
                  - value: ja
                    label: { nl: "Ja", en: "Yes" }
                    next: einde
                  - value: nee
                    label: { nl: "Nee", en: "No" }
                    next: einde
              - id: einde
                type: end
                text: { nl: "Klaar.", en: "Done." }
                summary:
                  - label: { nl: "Verder", en: "Go on" }
                    variable: verder
            """;

    private final Script script = new ScriptParser().parse("terug-v1.yaml",
            new ByteArrayInputStream(YAML.getBytes(StandardCharsets.UTF_8)));
    private final DialogueEngine engine = new DialogueEngine();

    @Test
    void aScriptThatOnlyTestsTheContextIsValid() {
        assertThat(new ScriptValidator(ScriptParser.topics()).validate(script)).isEmpty();
    }

    @Test
    void aLinkBelongsToTheTextItIsShownWith() {
        assertThat(engine.start(script).turns().getFirst().learn()).contains("hoe-werkt-therapie");
        assertThat(engine.start(script, Map.of(DialogueContext.LAST_FOLLOWUP, "well")).turns().getFirst().learn())
                .contains("psychodynamische-ideeen");
        assertThat(engine.start(script, Map.of(DialogueContext.LAST_FOLLOWUP, "not")).turns().getFirst().learn())
                .as("a variant without its own link shows none").isEmpty();
    }

    @Test
    void aValidatorThatKnowsNoTopicsRejectsEveryLink() {
        assertThat(new ScriptValidator().validate(script)).extracting(ScriptProblem::problem)
                .anySatisfy(problem -> assertThat(problem).startsWith("learn 'hoe-werkt-therapie' is not a topic"));
    }

    @Test
    void theOpeningFollowsTheNewestFollowUp() {
        assertThat(opening(Map.of(DialogueContext.LAST_FOLLOWUP, "well"))).isEqualTo("Fijn dat het goed ging.");
        assertThat(opening(Map.of(DialogueContext.LAST_FOLLOWUP, "not"))).isEqualTo("Het was niet makkelijk.");
        assertThat(opening(Map.of())).isEqualTo("Hallo.");
    }

    @Test
    void unknownNamesAndValuesAreDroppedSoTheScriptNeverSeesThem() {
        Step step = engine.start(script, Map.of(DialogueContext.LAST_FOLLOWUP, "super", "verder", "ja"));

        assertThat(step.turns().getFirst().text().in("nl")).isEqualTo("Hallo.");
        assertThat(step.state().variables()).doesNotContainKeys(DialogueContext.LAST_FOLLOWUP, "verder");
    }

    @Test
    void theContextIsNoAnswerAndStaysOutOfTheSummary() {
        Step step = engine.start(script, Map.of(DialogueContext.LAST_FOLLOWUP, "partly"));
        Step end = engine.next(script, step.state(), new UserInput.Choice("ja"));

        assertThat(end.turns()).filteredOn(turn -> turn.kind() == Turn.Kind.SUMMARY)
                .extracting(turn -> turn.text().in("nl")).containsExactly("Ja");
    }

    private String opening(Map<String, String> context) {
        return engine.start(script, context).turns().getFirst().text().in("nl");
    }
}
