package nl.spiegel.identity.internal;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

import nl.spiegel.identity.SsoProperties;
import nl.spiegel.organisation.SingleSignOn;

/** The beans of single sign-on; the filter chain itself is set up in {@link SecurityConfiguration}. */
@Configuration(proxyBeanMethods = false)
class SsoConfiguration {

    @Bean
    ClientRegistrationRepository clientRegistrationRepository(SingleSignOn singleSignOn) {
        return new DatabaseClientRegistrations(singleSignOn);
    }

    /**
     * ID tokens are checked with the application's clock and the configured skew: issuer, audience (our client id),
     * authorized party, expiry and issue time (the nonce is checked by the login itself).
     */
    @Bean
    JwtDecoderFactory<ClientRegistration> idTokenDecoderFactory(Clock clock, SsoProperties properties) {
        OidcIdTokenDecoderFactory factory = new OidcIdTokenDecoderFactory();
        factory.setJwtValidatorFactory(registration -> {
            JwtTimestampValidator times = new JwtTimestampValidator(properties.clockSkew());
            times.setClock(clock);
            OidcIdTokenValidator oidc = new OidcIdTokenValidator(registration);
            oidc.setClockSkew(properties.clockSkew());
            oidc.setClock(clock);
            return new DelegatingOAuth2TokenValidator<>(times, oidc);
        });
        return factory;
    }
}
