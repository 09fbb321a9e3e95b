package nl.spiegel.escalation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param quickExitUrl where the quick-exit button of the abuse flow goes: a neutral site that reveals nothing
 *                     (tests point it at a page of their own)
 */
@ConfigurationProperties("spiegel.safety")
public record SafetyProperties(@DefaultValue("https://www.google.nl/") String quickExitUrl) {
}
