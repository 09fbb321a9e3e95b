package nl.spiegel.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on through organisations' OpenID Connect providers (set up per organisation on its admin screen).
 *
 * @param clockSkew how far the provider's clock may differ from ours when the times in its ID tokens are checked
 */
@ConfigurationProperties("spiegel.sso")
public record SsoProperties(@DefaultValue("60s") Duration clockSkew) {

    public SsoProperties {
        if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("spiegel.sso.clock-skew must be between 0 and 5 minutes");
        }
    }
}
