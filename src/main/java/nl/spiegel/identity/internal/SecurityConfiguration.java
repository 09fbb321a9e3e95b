package nl.spiegel.identity.internal;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

import nl.spiegel.identity.IdentityProperties;

/**
 * Views declare who may open them (all current views are open to anonymous visitors). Framing is denied until
 * embedding for organisations is built.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.headers(headers -> headers
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(
                        org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        // our own static files (stylesheets, images, scripts) are public; Vaadin's own are permitted by the configurer
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/styles/**", "/images/**").permitAll());
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> {
        }).build();
    }

    @Bean
    FilterRegistrationBean<VisitorCookieFilter> visitorCookieFilter(IdentityProperties properties) {
        FilterRegistrationBean<VisitorCookieFilter> registration =
                new FilterRegistrationBean<>(new VisitorCookieFilter(properties.visitorCookieMaxAge()));
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }
}
