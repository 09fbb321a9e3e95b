package nl.spiegel.dialogue.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.spiegel.risk.RiskDetector;
import nl.spiegel.shared.HeadStarts;

/** The risk module is plain Java; this makes its detector (lexicons loaded once, thread-safe) a bean. */
@Configuration(proxyBeanMethods = false)
class RiskDetectorConfiguration {

    /** Loaded and trained early on a thread of its own when the application was started with {@link HeadStarts}. */
    @Bean
    RiskDetector riskDetector(ObjectProvider<HeadStarts> headStarts) {
        HeadStarts early = headStarts.getIfAvailable();
        return (early == null ? java.util.Optional.<RiskDetector>empty() : early.take(RiskDetector.class))
                .orElseGet(RiskDetector::loadDefault);
    }
}
