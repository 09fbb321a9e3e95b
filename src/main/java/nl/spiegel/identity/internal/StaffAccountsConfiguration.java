package nl.spiegel.identity.internal;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

import nl.spiegel.identity.AccountProperties;
import nl.spiegel.identity.LoginProperties;
import nl.spiegel.identity.PasswordPolicy;

@Configuration(proxyBeanMethods = false)
class StaffAccountsConfiguration {

    /**
     * bcrypt for new hashes; the {id} prefix lets a later change of algorithm keep old hashes working. bcrypt reads
     * at most 72 bytes, so longer passwords (up to 128 characters are allowed) are condensed first.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new LongPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }

    @Bean
    PasswordPolicy passwordPolicy(AccountProperties properties) {
        return PasswordPolicy.withBundledList(properties.passwordMinLength());
    }

    @Bean
    LoginThrottlePolicy loginThrottlePolicy(LoginProperties properties, Clock clock) {
        return new LoginThrottlePolicy(properties, clock);
    }

    /** Session fixation: a login keeps the session's contents but gives it a new id. */
    @Bean
    SessionAuthenticationStrategy sessionAuthenticationStrategy() {
        return new ChangeSessionIdAuthenticationStrategy();
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }
}
