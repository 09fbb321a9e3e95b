package nl.spiegel.identity.internal;

import java.time.Clock;

import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;

import com.vaadin.flow.spring.security.UidlRedirectStrategy;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

import nl.spiegel.identity.IdentityProperties;
import nl.spiegel.identity.VisitorService;
import nl.spiegel.organisation.OrganisationDirectory;
import nl.spiegel.organisation.SingleSignOn;

/**
 * Views declare who may open them ({@code @AnonymousAllowed}, {@code @PermitAll}, {@code @RolesAllowed}); the
 * services check again. Logging in is not Spring's form login: {@link nl.spiegel.identity.LoginService} does the
 * password, throttling and second step, and {@link nl.spiegel.identity.AccountSessions} puts the account in the
 * session. So there is no endpoint that accepts a password on its own.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    static final String LOGIN_PATH = "/login";

    /**
     * What the browser may load and run: only this origin, plus what Vaadin 25 cannot do without, each checked in
     * Chromium by taking it away (TotpLoginJourneyIT collects the browser's CSP violation reports): its client engine
     * runs the JavaScript the server sends through eval ('unsafe-eval') and its page carries the initial state as
     * inline script ('unsafe-inline'); components add style elements and style attributes (style 'unsafe-inline');
     * Lumo's icon font is a data: URL. Push uses a WebSocket to this origin, which 'self' covers. Who may frame the
     * page ({@code frame-ancestors}) is added per request by {@link FramingHeaderWriter}.
     */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self'",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'");

    static final String PERMISSIONS_POLICY = String.join(", ",
            "camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()", "serial=()", "bluetooth=()",
            "display-capture=()", "accelerometer=()", "gyroscope=()", "magnetometer=()");

    /**
     * Health and Prometheus metrics for monitoring, without a login: they are only served on the management port,
     * which listens on 127.0.0.1 unless an operator decides otherwise ({@code management.server.*}), never on the
     * application's own port. No session, no redirect to the login page.
     */
    @Bean
    @org.springframework.core.annotation.Order(1)
    SecurityFilterChain managementEndpoints(HttpSecurity http) throws Exception {
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(
                        org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, IdentityProperties identity,
                                            ApplicationEventPublisher events, Clock clock,
                                            ClientRegistrationRepository registrations, SsoLoginFlow ssoLogin, SsoSessions ssoSessions,
                                            SingleSignOn singleSignOn) throws Exception {
        http.headers(headers -> headers
                .addHeaderWriter(new FramingHeaderWriter(CONTENT_SECURITY_POLICY))
                .contentTypeOptions(nosniff -> { })
                .frameOptions(frame -> frame.disable())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                .crossOriginOpenerPolicy(coop -> coop.policy(CrossOriginOpenerPolicy.SAME_ORIGIN))
                // only sent on https requests (behind a proxy: server.forward-headers-strategy, set in prod)
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                // Vaadin's pages are forwarded to its servlet, and the container commits a forwarded response without
                // the filter noticing: written at the end, the headers would be missing on exactly those pages
                .withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                }));
        // our own static files (stylesheets, images, scripts) are public; Vaadin's own are permitted by the configurer
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/styles/**", "/images/**",
                "/embed/loader.js", "/branding/**").permitAll());
        // pages that need a login send the browser to the login view, which then does all the steps
        http.exceptionHandling(exceptions -> exceptions
                .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(LOGIN_PATH)));
        http.logout(logout -> logout
                .invalidateHttpSession(true)
                .clearAuthentication(true)
                .deleteCookies("JSESSIONID"));
        // single sign-on through organisations' OpenID Connect providers: /sso/{slug} starts it, the provider
        // returns to /login/oauth2/code/{slug}; the result is an ordinary Spiegel login (SsoLoginFlow)
        http.oauth2Login(oauth -> oauth
                .loginPage(LOGIN_PATH)
                .clientRegistrationRepository(registrations)
                // the provider's tokens stay in the session, not in a map kept for the life of the server
                .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                .authorizationEndpoint(endpoint -> endpoint.baseUri(SsoLoginFlow.ENTRY))
                .oidcSessionRegistry(ssoSessions.registry())
                .successHandler(ssoLogin)
                .failureHandler(ssoLogin));
        http.addFilterBefore(new SsoLoginFlow.EntryFilter(singleSignOn), OAuth2AuthorizationRequestRedirectFilter.class);
        // a provider's back-channel logout (POST /logout/connect/back-channel/{slug} with a signed logout token)
        http.oidcLogout(logout -> logout
                .clientRegistrationRepository(registrations)
                .oidcSessionRegistry(ssoSessions.registry())
                .backChannel(backChannel -> backChannel.logoutHandler(SsoLogout.backChannel(ssoSessions))));
        // the login screen itself is registered by identity.ui (LoginViewRegistration): this class knows no screens
        // after logging out, the start page; from a Vaadin request the redirect is done by the UI, not a 302
        SimpleUrlLogoutSuccessHandler afterLogout = new SimpleUrlLogoutSuccessHandler();
        afterLogout.setDefaultTargetUrl("/");
        afterLogout.setRedirectStrategy(new UidlRedirectStrategy());
        // after a login through a provider that advertises an end_session_endpoint, on to its logout
        SsoLogout ssoLogout = new SsoLogout(registrations, afterLogout);
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin
                .logoutSuccessHandler(ssoLogout)
                .addLogoutHandler(ssoLogout)
                .addLogoutHandler(new LogoutCleanup(identity.visitorCookieMaxAge(), events, clock))).build();
    }

    /** Runs before Spring Security, so the embed context is known when its headers and the session are made. */
    @Bean
    FilterRegistrationBean<EmbedContextFilter> embedContextFilter(OrganisationDirectory organisations,
                                                                   IdentityProperties properties) {
        FilterRegistrationBean<EmbedContextFilter> registration = new FilterRegistrationBean<>(
                new EmbedContextFilter(organisations, properties.visitorCookieMaxAge()));
        // Spring Security's filter chain is registered at -100
        registration.setOrder(-200);
        return registration;
    }

    @Bean
    TomcatContextCustomizer embedCookies() {
        return context -> context.setCookieProcessor(new EmbedCookieProcessor(context.getCookieProcessor()));
    }

    @Bean
    FilterRegistrationBean<VisitorCookieFilter> visitorCookieFilter(IdentityProperties properties,
                                                                     VisitorService visitors) {
        FilterRegistrationBean<VisitorCookieFilter> registration = new FilterRegistrationBean<>(
                new VisitorCookieFilter(properties.visitorCookieMaxAge(), visitors::isIssued));
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }
}
