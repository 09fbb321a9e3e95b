package nl.spiegel.risk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModelGateTest {

    private static final RiskDetector DETECTOR = RiskDetector.loadDefault();

    @Test
    void shortHarmlessDialogueAnswersAreNeverFlaggedByTheModel() {
        for (String answer : new String[] {"Mijn eigen woorden 3", "zonlicht", "regen", "Antwoord nummer 1",
                "Mijn moeder", "Meer rust en minder piekeren", "My own words 7"}) {
            assertThat(DETECTOR.assess(answer, "nl").level()).as(answer).isEqualTo(RiskLevel.NONE);
        }
    }

    @Test
    void theModelStillRaisesParaphrasesThatContainAFieldWord() {
        RiskAssessment assessment = DETECTOR.assess("ik heb mijn spullen weggegeven en mijn kat naar mijn zus gebracht, "
                + "het is bijna klaar", "nl");
        assertThat(assessment.level()).isNotEqualTo(RiskLevel.NONE);
    }
}
