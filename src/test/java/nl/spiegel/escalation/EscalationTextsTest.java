package nl.spiegel.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import nl.spiegel.escalation.screening.Grade;
import nl.spiegel.escalation.screening.Question;

/** Keys the escalation module builds at run time (questions, outcomes, plan sections) exist in both languages. */
class EscalationTextsTest {

    @Test
    void everyQuestionOutcomeAndPlanSectionHasDutchAndEnglishText() throws IOException {
        Set<String> needed = new TreeSet<>();
        for (Question question : Question.values()) {
            needed.add(question.messageKey());
        }
        for (Grade grade : Grade.values()) {
            needed.add("escalation.outcome." + grade.code());
        }
        needed.add("escalation.outcome.dismissed");
        for (SafetyPlan.Section section : SafetyPlan.Section.values()) {
            needed.add("safetyplan.section." + section.code());
            needed.add("safetyplan.section." + section.code() + ".help");
        }
        needed.addAll(List.of("safetyplan.error.not-saved", "safetyplan.error.not-loaded"));
        for (String language : List.of("nl", "en")) {
            Properties texts = load(language);
            for (String key : needed) {
                assertThat(texts.getProperty(key)).as(language + ": " + key).isNotBlank();
            }
        }
    }

    @Test
    void everyMentionOfSuicideIsPairedWithHelp() throws IOException {
        // the outcomes name 113 (and 112 when it is urgent), so no outcome mentions suicide without a way to help
        for (String language : List.of("nl", "en")) {
            Properties texts = load(language);
            for (Grade grade : Grade.values()) {
                assertThat(texts.getProperty("escalation.outcome." + grade.code())).as(language + " " + grade)
                        .contains("113");
            }
            assertThat(texts.getProperty("escalation.outcome.high")).contains("112");
        }
    }

    @Test
    void textsAvoidWordsTheSafeMessagingRulesForbid() throws IOException {
        for (String language : List.of("nl", "en")) {
            Properties texts = load(language);
            for (String key : texts.stringPropertyNames()) {
                if (key.startsWith("escalation.") || key.startsWith("screening.") || key.startsWith("safetyplan.")) {
                    String text = texts.getProperty(key).toLowerCase(java.util.Locale.ROOT);
                    assertThat(text).as(language + ": " + key)
                            .doesNotContain("zelfmoord pleg", "committed suicide", "commit suicide", "successful",
                                    "geslaagd", "mislukt", "promise not", "beloof");
                }
            }
        }
    }

    private static Properties load(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = EscalationTextsTest.class.getResourceAsStream("/i18n/messages_" + language + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
