package nl.spiegel.dialogue;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The journal of exercises.
 *
 * @param maxNoteLength     longest note, in characters
 * @param maxFollowUpLength longest note with a "how did it go?" answer, in characters
 * @param followUpMemory    how long a dialogue may refer to the newest "how did it go?" answer
 * @param reminderCron      when the job looks for due exercise reminders ({@code -} switches it off)
 */
@ConfigurationProperties("spiegel.exercises")
public record ExerciseProperties(@DefaultValue("2000") int maxNoteLength,
                                 @DefaultValue("500") int maxFollowUpLength,
                                 @DefaultValue("P30D") Duration followUpMemory,
                                 @DefaultValue("0 * * * * *") String reminderCron) {
}
