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
import nl.spiegel.identity.ui.LoginView;

/**
 * Views declare who may open them: most are open to anonymous visitors, staff views need a role and a login with
 * e-mail and password (form login on {@link LoginView}). Framing is denied until embedding for organisations is
 * built.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    /** The therapist workspace (escalation module); a path, so identity does not depend on that module. */
    static final String STAFF_HOME = "/therapist";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.headers(headers -> headers
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(
                        org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        // our own static files (stylesheets, images, scripts) are public; Vaadin's own are permitted by the configurer
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/styles/**", "/images/**").permitAll());
        // staff land on their workspace after logging in, unless they were on their way to another staff page
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin
                .loginView(LoginView.class)
                .defaultSuccessUrl(STAFF_HOME)).build();
    }

    @Bean
    FilterRegistrationBean<VisitorCookieFilter> visitorCookieFilter(IdentityProperties properties) {
        FilterRegistrationBean<VisitorCookieFilter> registration =
                new FilterRegistrationBean<>(new VisitorCookieFilter(properties.visitorCookieMaxAge()));
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }
}
