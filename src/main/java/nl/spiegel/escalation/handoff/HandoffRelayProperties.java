package nl.spiegel.escalation.handoff;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the app nodes that share one database keep the handoff live for each other.
 *
 * @param interval         how often a node reads what the other nodes changed (only while a handoff screen is open on
 *                         it) and confirms the on-duty status of the therapists it serves
 * @param onDutyStaleAfter an on-duty status nobody confirmed for this long belongs to a node that stopped, and no
 *                         longer counts
 * @param window           how far back a node looks for changes of other nodes; longer than any transaction, so a
 *                         change that commits late is still seen
 */
@ConfigurationProperties("spiegel.handoff.relay")
public record HandoffRelayProperties(@DefaultValue("PT1S") Duration interval,
                                     @DefaultValue("PT30S") Duration onDutyStaleAfter,
                                     @DefaultValue("PT1M") Duration window) {
}
