package nl.spiegel.shared;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SharedConfiguration {

    /** Domain code asks this clock for the time, so tests can fix it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
