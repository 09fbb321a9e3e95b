package nl.spiegel.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param visitorCookieMaxAge how long a browser keeps the anonymous visitor cookie
 */
@ConfigurationProperties("spiegel.identity")
public record IdentityProperties(@DefaultValue("400d") Duration visitorCookieMaxAge) {
}
