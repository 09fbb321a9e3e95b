package nl.spiegel.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a login lasts at most, however active the browser is (open tabs, heartbeats, the therapist workspace's
 * polling). The idle timeout is {@code server.servlet.session.timeout}.
 *
 * @param staffLifetime  longest login of therapists and administrators
 * @param clientLifetime longest login of clients
 * @param checkInterval  how often logins are checked against these lifetimes
 */
@ConfigurationProperties("spiegel.sessions")
public record SessionProperties(@DefaultValue("12h") Duration staffLifetime,
                                @DefaultValue("24h") Duration clientLifetime,
                                @DefaultValue("1m") Duration checkInterval) {
}
