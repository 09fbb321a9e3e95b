package nl.spiegel.dialogue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param scripts where dialogue scripts are read from (a Spring resource pattern; a folder on disk works with
 *                {@code file:/path/*.yaml})
 */
@ConfigurationProperties("spiegel.dialogues")
public record DialogueProperties(@DefaultValue("classpath*:dialogues/*.yaml") String scripts) {
}
