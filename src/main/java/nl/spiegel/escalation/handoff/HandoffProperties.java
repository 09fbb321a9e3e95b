package nl.spiegel.escalation.handoff;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param acceptTimeout    how long a request waits for a therapist before the person is told nobody is available
 * @param checkInterval    how often waiting requests are checked against the timeout
 * @param maxMessageLength longest chat message, in characters
 */
@ConfigurationProperties("spiegel.handoff")
public record HandoffProperties(@DefaultValue("PT3M") Duration acceptTimeout,
                                @DefaultValue("PT5S") Duration checkInterval,
                                @DefaultValue("2000") int maxMessageLength) {
}
