package nl.spiegel.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled           create the demo therapist account at start-up (never in production)
 * @param therapistPassword password of the demo therapist {@code therapeut@spiegel.local}
 */
@ConfigurationProperties("spiegel.demo-accounts")
public record DemoAccountProperties(@DefaultValue("true") boolean enabled,
                                    @DefaultValue("spiegel-demo-therapeut") String therapistPassword) {

    @Override
    public String toString() {
        return "DemoAccountProperties[enabled=" + enabled + ", therapistPassword=hidden]";
    }
}
