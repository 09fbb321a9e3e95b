package nl.spiegel.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RiskKindTest {
    private final RiskDetector detector = RiskDetector.loadRulesOnly(RiskDetector.DEFAULT_LEXICONS);

    @Test
    void eachKindOfRiskIsNamedByTheRulesThatFire() {
        assertThat(detector.assess("mijn vriend slaat me en hij staat nu voor de deur", "nl").primaryKind())
                .isEqualTo(RiskKind.ABUSE);
        assertThat(detector.assess("ik heb mezelf net weer gesneden", "nl").primaryKind())
                .isEqualTo(RiskKind.SELF_HARM);
        assertThat(detector.assess("ik wil niet meer leven", "nl").primaryKind()).isEqualTo(RiskKind.SUICIDE);
        assertThat(detector.assess("my friend just swallowed 40 pills", "en").primaryKind())
                .isEqualTo(RiskKind.MEDICAL);
        assertThat(detector.assess("the voices tell me to hurt myself", "en").primaryKind())
                .isEqualTo(RiskKind.PSYCHOSIS);
    }

    @Test
    void aRuleGivesHighConfidenceAndNoneHasNoKind() {
        RiskAssessment wish = detector.assess("ik wil dood", "nl");
        assertThat(wish.confidence()).isEqualTo(RiskConfidence.HIGH);
        assertThat(wish.kinds()).containsExactly(RiskKind.SUICIDE);
        assertThat(wish.families()).contains("explicit-wish");
        RiskAssessment none = detector.assess("het regent", "nl");
        assertThat(none.primaryKind()).isEqualTo(RiskKind.UNCLEAR);
        assertThat(none.kinds()).isEmpty();
    }

    @Test
    void everyRuleFamilyAndKindHasReadableWordsInBothLanguages() throws IOException {
        Set<String> families = new TreeSet<>();
        for (String lexicon : RiskDetector.DEFAULT_LEXICONS) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(lexicon)) {
                String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                java.util.regex.Matcher m = java.util.regex.Pattern
                        .compile("(?m)^\\s*- id: *[a-z]+\\.(?:crisis|concern)\\.([a-z-]+)").matcher(yaml);
                while (m.find()) {
                    families.add(m.group(1));
                }
            }
        }
        assertThat(families).hasSizeGreaterThan(15);
        families.addAll(Set.of("model", "context", "denial", "hedged-denial", "third-party", "third-party-imminent",
                "past", "recent", "with-means"));
        for (String lang : new String[] {"nl", "en"}) {
            Properties bundle = new Properties();
            try (InputStream in = getClass().getClassLoader()
                    .getResourceAsStream("i18n/messages_" + lang + ".properties")) {
                bundle.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (String f : families) {
                assertThat(bundle.getProperty("risk.family." + f)).as(lang + " " + f).isNotBlank();
            }
            for (RiskKind k : RiskKind.values()) {
                assertThat(bundle.getProperty("risk.kind." + k.name().toLowerCase(java.util.Locale.ROOT)))
                        .as(lang + " " + k).isNotBlank();
            }
        }
    }
}
