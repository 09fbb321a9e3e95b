package nl.spiegel.identity.internal;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

import com.vaadin.flow.spring.security.UidlRedirectStrategy;

/**
 * Logging out of a session that logged in through an organisation's provider: after Spiegel's own logout the browser
 * goes to the provider's {@code end_session_endpoint} with the ID token as hint (RP-initiated logout, Spring's
 * {@link OidcClientInitiatedLogoutSuccessHandler}) and comes back to the start page; a provider that does not
 * advertise one, and every password login, go straight to the start page.
 */
final class SsoLogout implements LogoutHandler, LogoutSuccessHandler {

    private static final String CAPTURED = SsoLogout.class.getName() + ".session";

    private final OidcClientInitiatedLogoutSuccessHandler providerLogout;
    private final LogoutSuccessHandler ordinary;

    SsoLogout(ClientRegistrationRepository registrations, LogoutSuccessHandler ordinary) {
        this.ordinary = ordinary;
        this.providerLogout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        providerLogout.setPostLogoutRedirectUri("{baseUrl}/");
        providerLogout.setDefaultTargetUrl("/");
        providerLogout.setRedirectStrategy(new UidlRedirectStrategy());
    }

    /** Runs before the session is invalidated: remembers which provider session this was, for the redirect. */
    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        SsoSessions.of(request.getSession(false)).ifPresent(sso -> request.setAttribute(CAPTURED, sso));
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
                                Authentication authentication) throws IOException, ServletException {
        if (request.getAttribute(CAPTURED) instanceof SsoSessions.SsoSession sso) {
            providerLogout.onLogoutSuccess(request, response, new OAuth2AuthenticationToken(sso.user(),
                    sso.user().getAuthorities(), sso.registrationId()));
        } else {
            ordinary.onLogoutSuccess(request, response, authentication);
        }
    }

    /** The back-channel logout: the provider's signed logout token was validated by Spring Security. */
    static LogoutHandler backChannel(SsoSessions sessions) {
        return (request, response, authentication) -> {
            if (authentication != null && authentication.getPrincipal() instanceof OidcLogoutToken token) {
                sessions.endSessions(token);
            }
        };
    }
}
