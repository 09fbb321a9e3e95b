package nl.spiegel.dialogue.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.spiegel.risk.RiskDetector;

/** The risk module is plain Java; this makes its detector (lexicons loaded once, thread-safe) a bean. */
@Configuration(proxyBeanMethods = false)
class RiskDetectorConfiguration {

    @Bean
    RiskDetector riskDetector() {
        return RiskDetector.loadDefault();
    }
}
