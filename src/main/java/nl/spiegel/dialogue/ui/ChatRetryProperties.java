package nl.spiegel.dialogue.ui;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the chat keeps trying to store an answer while the database cannot be reached.
 *
 * @param firstDelay the wait before the first retry; each next wait doubles
 * @param maxDelay   the longest wait between two tries, so an answer goes through soon after the database is back
 * @param giveUpAfter after this long the person is told the answer was not saved (their text stays in the field)
 */
@ConfigurationProperties("spiegel.chat.retry")
public record ChatRetryProperties(@DefaultValue("1s") Duration firstDelay,
                                  @DefaultValue("4s") Duration maxDelay,
                                  @DefaultValue("10m") Duration giveUpAfter) {

    public ChatRetryProperties {
        if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("spiegel.chat.retry needs 0 < first-delay <= max-delay");
        }
    }

    /** The wait before retry number {@code attempt} (1 for the first retry). */
    public Duration delay(int attempt) {
        Duration delay = firstDelay;
        for (int i = 1; i < attempt && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
