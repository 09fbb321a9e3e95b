package nl.spiegel.escalation.handoff;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param acceptTimeout    how long a request waits for a therapist before the person is told nobody is available
 * @param checkInterval    how often waiting requests are checked against the timeout
 * @param maxMessageLength   longest chat message, in characters
 * @param requestsPerVisitor new requests one visitor can make within the request window
 * @param requestsPerAddress new requests from one network address within the request window (higher: many people
 *                           can share one address)
 * @param requestWindow      the window of those two limits
 */
@ConfigurationProperties("spiegel.handoff")
public record HandoffProperties(@DefaultValue("PT3M") Duration acceptTimeout,
                                @DefaultValue("PT5S") Duration checkInterval,
                                @DefaultValue("2000") int maxMessageLength,
                                @DefaultValue("3") int requestsPerVisitor,
                                @DefaultValue("10") int requestsPerAddress,
                                @DefaultValue("PT1H") Duration requestWindow) {
}
