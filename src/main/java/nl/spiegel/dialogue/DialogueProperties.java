package nl.spiegel.dialogue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param scripts        where dialogue scripts are read from (a Spring resource pattern; a folder on disk works with
 *                       {@code file:/path/*.yaml})
 * @param questionnaires where questionnaire scripts (PHQ-9, GAD-7) are read from; they are dialogue scripts too and
 *                       appear on the start page after the conversations
 */
@ConfigurationProperties("spiegel.dialogues")
public record DialogueProperties(@DefaultValue("classpath*:dialogues/*.yaml") String scripts,
                                 @DefaultValue("classpath*:questionnaires/*.yaml") String questionnaires) {

    /** Every location of shipped scripts: the conversations first, then the questionnaires. */
    public java.util.List<String> shippedLocations() {
        return java.util.List.of(scripts, questionnaires);
    }
}
