package nl.spiegel.identity.internal;

import java.io.Serial;
import java.io.Serializable;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.oidc.session.InMemoryOidcSessionRegistry;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionInformation;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionRegistry;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Which HTTP sessions of this node logged in through which provider session, so that a provider's back-channel
 * logout ends them (Spring Security's {@link OidcSessionRegistry} matches the logout token's issuer, audience and
 * {@code sid} or {@code sub}). In memory per node, like {@link LoggedInSessions}.
 */
@Component
public class SsoSessions implements HttpSessionListener {

    private static final Logger log = LoggerFactory.getLogger(SsoSessions.class);
    static final String SESSION_ATTRIBUTE = SsoSession.class.getName();

    /** Kept in the session: which organisation's provider and the ID token, for the RP-initiated logout. */
    record SsoSession(String registrationId, OidcUser user) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    private final OidcSessionRegistry registry = new InMemoryOidcSessionRegistry();
    private final LoggedInSessions loggedIn;

    SsoSessions(LoggedInSessions loggedIn) {
        this.loggedIn = loggedIn;
    }

    OidcSessionRegistry registry() {
        return registry;
    }

    /** A session that just logged in through the provider (after its id changed for the login). */
    void loggedIn(HttpSession session, String registrationId, OidcUser user) {
        session.setAttribute(SESSION_ATTRIBUTE, new SsoSession(registrationId, user));
        registry.saveSessionInformation(new OidcSessionInformation(session.getId(), Map.of(), user));
    }

    static Optional<SsoSession> of(HttpSession session) {
        return session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof SsoSession sso
                ? Optional.of(sso) : Optional.empty();
    }

    /** The provider said the person logged out there: end every session of ours it names. */
    int endSessions(OidcLogoutToken token) {
        int ended = 0;
        for (OidcSessionInformation information : registry.removeSessionInformation(token)) {
            if (loggedIn.endSession(information.getSessionId())) {
                ended++;
            }
        }
        log.info("back-channel logout from a provider ended {} session(s)", ended);
        return ended;
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        registry.removeSessionInformation(event.getSession().getId());
    }
}
