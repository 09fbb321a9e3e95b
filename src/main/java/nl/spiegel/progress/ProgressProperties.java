package nl.spiegel.progress;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param reminderInterval time between two questionnaire reminders of one person
 * @param reminderCron     when the reminder job looks for due reminders (every node may run it)
 */
@ConfigurationProperties("spiegel.progress")
public record ProgressProperties(@DefaultValue("P7D") Duration reminderInterval,
                                 @DefaultValue("0 7 * * * *") String reminderCron) {
}
