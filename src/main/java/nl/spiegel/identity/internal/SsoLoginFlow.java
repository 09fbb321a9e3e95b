package nl.spiegel.identity.internal;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import nl.spiegel.identity.AccountSessions;
import nl.spiegel.identity.SsoIdentity;
import nl.spiegel.identity.SsoLogin;
import nl.spiegel.identity.SsoLoginResult;
import nl.spiegel.identity.VisitorToken;
import nl.spiegel.organisation.SingleSignOn;
import nl.spiegel.organisation.SsoProvider;

/**
 * What happens around Spring Security's OAuth 2 login for an organisation's provider: {@code /sso/{slug}} starts it
 * (an organisation without enabled single sign-on gets the normal login with a message), a validated ID token is
 * turned into the Spiegel account by {@link SsoLogin} and the session is logged in as with a password
 * ({@link AccountSessions}), and any failure (wrong issuer, audience or nonce, an expired token, a refused account)
 * ends on the normal login with a friendly message.
 */
@Component
class SsoLoginFlow implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(SsoLoginFlow.class);
    static final String ENTRY = "/sso";
    static final String FAILED = "/login?sso=failed";
    static final String REFUSED = "/login?sso=refused";
    static final String UNAVAILABLE = "/login?sso=unavailable";

    private final SingleSignOn singleSignOn;
    private final SsoLogin logins;
    private final AccountSessions sessions;
    private final SsoSessions ssoSessions;

    SsoLoginFlow(SingleSignOn singleSignOn, SsoLogin logins, AccountSessions sessions, SsoSessions ssoSessions) {
        this.singleSignOn = singleSignOn;
        this.logins = logins;
        this.sessions = sessions;
        this.ssoSessions = ssoSessions;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException {
        if (!(authentication instanceof OAuth2AuthenticationToken token)
                || !(token.getPrincipal() instanceof OidcUser user)) {
            refuse(request, response, authentication, FAILED);
            return;
        }
        Optional<SsoProvider> provider = singleSignOn.provider(token.getAuthorizedClientRegistrationId());
        if (provider.isEmpty()) {
            // switched off between the start of the login and its return
            refuse(request, response, authentication, UNAVAILABLE);
            return;
        }
        SsoIdentity identity = new SsoIdentity(user.getIssuer().toString(), user.getSubject(), user.getEmail(),
                Boolean.TRUE.equals(user.getEmailVerified()), user.getFullName());
        HttpSession session = request.getSession(false);
        Optional<VisitorToken> visitor = session != null
                && session.getAttribute(VisitorCookieFilter.SESSION_ATTRIBUTE) instanceof VisitorToken t
                ? Optional.of(t) : Optional.empty();
        SsoLoginResult result = logins.logIn(provider.get().organisation(), identity,
                provider.get().roleFor(user.getClaims()), visitor);
        switch (result) {
            case SsoLoginResult.LoggedIn loggedIn -> {
                sessions.logIn(loggedIn.account(), request, response);
                ssoSessions.loggedIn(request.getSession(), token.getAuthorizedClientRegistrationId(), user);
                String home = sessions.homeOf(loggedIn.account());
                response.sendRedirect(request.getContextPath() + "/" + home);
            }
            case SsoLoginResult.Refused refused -> refuse(request, response, authentication, REFUSED);
        }
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        String code = exception instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode()
                : exception.getClass().getSimpleName();
        // the error code only (invalid_id_token, invalid_nonce, ...): descriptions can quote token contents
        log.info("single sign-on failed: {}", code);
        response.sendRedirect(request.getContextPath() + FAILED);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response,
                               Authentication authentication, String target) throws IOException {
        // the provider's login must not stay in the session
        new SecurityContextLogoutHandler().logout(request, response, authentication);
        response.sendRedirect(request.getContextPath() + target);
    }

    /**
     * Sends {@code /sso/{slug}} of an organisation without enabled single sign-on to the normal login, with a
     * message, instead of Spring's error for an unknown registration.
     */
    static final class EntryFilter extends OncePerRequestFilter {

        private static final Pattern PATH = Pattern.compile("^" + ENTRY + "/([^/]+)/?$");

        private final SingleSignOn singleSignOn;

        EntryFilter(SingleSignOn singleSignOn) {
            this.singleSignOn = singleSignOn;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Matcher matcher = PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
            if (matcher.matches() && singleSignOn.provider(matcher.group(1)).isEmpty()) {
                response.sendRedirect(request.getContextPath() + UNAVAILABLE);
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
