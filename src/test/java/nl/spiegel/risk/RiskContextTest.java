package nl.spiegel.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RiskContextTest {
    private static final RiskDetector DETECTOR = RiskDetector.loadDefault();

    private static RiskContext after(String... earlier) {
        List<RiskAssessment> assessed = java.util.Arrays.stream(earlier).map(t -> DETECTOR.assess(t, null)).toList();
        return RiskContext.of(assessed.stream().map(RiskAssessment::level).toList(),
                assessed.stream().map(RiskAssessment::ruleIds).toList());
    }

    @Test
    void aSecondWorryAboutLifeItselfRisesToCrisis() {
        String hopeless = "ik zie nergens meer het nut van in";
        assertThat(DETECTOR.assess(hopeless, "nl").level()).isEqualTo(RiskLevel.CONCERN);
        RiskAssessment second = DETECTOR.assess(hopeless, "nl", after("ik ben voor iedereen alleen maar tot last"));
        assertThat(second.level()).isEqualTo(RiskLevel.CRISIS);
        assertThat(second.ruleIds()).contains(RiskDetector.CONTEXT_RISE);
        assertThat(second.confidence()).as("a reviewed rule fired in both messages").isEqualTo(RiskConfidence.HIGH);
    }

    @Test
    void anIdiomRightAfterACrisisMessageLowersNothing() {
        String idiom = "I could kill myself for forgetting that";
        assertThat(DETECTOR.assess(idiom, "en").level()).isEqualTo(RiskLevel.NONE);
        assertThat(DETECTOR.assess(idiom, "en", after("I want to die")).level())
                .isGreaterThanOrEqualTo(RiskLevel.CONCERN);
    }

    @Test
    void contextNeverLowersAndHarmlessEarlierMessagesChangeNothing() {
        RiskContext calm = after("het regent vandaag", "ik heb zin in het weekend");
        assertThat(DETECTOR.assess("ik wil dood", "nl", calm).level()).isEqualTo(RiskLevel.CRISIS);
        assertThat(DETECTOR.assess("ik zie nergens meer het nut van in", "nl", calm).level())
                .isEqualTo(RiskLevel.CONCERN);
        assertThat(DETECTOR.assess("mijn werk is saai", "nl", after("ik wil niet meer leven")).level())
                .isEqualTo(RiskLevel.NONE);
    }
}
