package nl.spiegel.shared.database;

import org.springframework.context.annotation.Configuration;
import org.springframework.resilience.annotation.EnableResilientMethods;

/** Turns on Spring's {@code @Retryable} (used through {@link RetryOnConflict}). */
@Configuration(proxyBeanMethods = false)
@EnableResilientMethods(proxyTargetClass = true)
class ResilienceConfiguration {
}
