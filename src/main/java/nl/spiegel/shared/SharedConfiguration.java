package nl.spiegel.shared;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SharedConfiguration {

    /** Domain code asks this clock for the time, so tests can fix it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Uploads over the server's limit are refused before anything reads them (see {@link OversizedUploadFilter}). */
    @Bean
    FilterRegistrationBean<OversizedUploadFilter> oversizedUploadFilter(
            @Value("${spring.servlet.multipart.max-request-size:32MB}") DataSize maxRequestSize) {
        FilterRegistrationBean<OversizedUploadFilter> registration = new FilterRegistrationBean<>(
                new OversizedUploadFilter(maxRequestSize.toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** A UIDL request that is not UTF-8 is refused before Vaadin reads it (see {@link MalformedUidlFilter}). */
    @Bean
    FilterRegistrationBean<MalformedUidlFilter> malformedUidlFilter() {
        FilterRegistrationBean<MalformedUidlFilter> registration = new FilterRegistrationBean<>(
                new MalformedUidlFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
