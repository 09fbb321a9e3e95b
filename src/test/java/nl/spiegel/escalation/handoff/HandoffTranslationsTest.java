package nl.spiegel.escalation.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import nl.spiegel.risk.RiskLevel;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;

class HandoffTranslationsTest {

    private final SpiegelI18NProvider provider = new SpiegelI18NProvider();

    @Test
    void everyRiskLevelHasALabelInBothLanguages() throws IOException {
        for (String language : new String[] {"nl", "en"}) {
            Properties bundle = load(language);
            for (RiskLevel level : RiskLevel.values()) {
                assertThat(bundle.getProperty("handoff.level." + level.name().toLowerCase(Locale.ROOT)))
                        .as(language + " " + level).isNotBlank();
            }
        }
    }

    @Test
    void everyHandoffTextIsAValidMessagePattern() throws IOException {
        for (String language : new String[] {"nl", "en"}) {
            Properties bundle = load(language);
            for (String key : bundle.stringPropertyNames()) {
                if (key.startsWith("handoff.") || key.startsWith("therapist.") || key.startsWith("login.")) {
                    String formatted = new MessageFormat(bundle.getProperty(key), Locale.of(language))
                            .format(new Object[] {1, 2});
                    assertThat(formatted).as(language + ": " + key).doesNotContain("{");
                }
            }
        }
    }

    @Test
    void theWaitingTextSaysMinuteOrMinutes() {
        assertThat(provider.getTranslation("handoff.waiting.text", SpiegelI18NProvider.DUTCH, 1L))
                .contains("maximaal 1 minuut.");
        assertThat(provider.getTranslation("handoff.waiting.text", SpiegelI18NProvider.DUTCH, 3L))
                .contains("maximaal 3 minuten.");
        assertThat(provider.getTranslation("handoff.waiting.text", SpiegelI18NProvider.ENGLISH, 3L))
                .contains("up to 3 minutes.");
        assertThat(provider.getTranslation("handoff.accepted.title", SpiegelI18NProvider.DUTCH, "Demo Therapeut"))
                .isEqualTo("Demo Therapeut is er nu voor je");
    }

    private static Properties load(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = HandoffTranslationsTest.class
                .getResourceAsStream("/i18n/messages_" + language + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
