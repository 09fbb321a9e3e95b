package nl.spiegel.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import nl.spiegel.identity.Role;
import nl.spiegel.identity.SessionEnded;
import nl.spiegel.identity.SessionProperties;
import nl.spiegel.identity.UserId;

/**
 * The logged-in HTTP sessions of this node, so that they can be ended from outside the browser: after their absolute
 * lifetime (heartbeats and polling never make a login last longer), and all sessions of an account when its password
 * is reset, its role changes or it is deleted. Ending a session invalidates it, which also closes its Vaadin session
 * and its push connection.
 */
@Component
@EnableScheduling
public class LoggedInSessions implements HttpSessionListener {

    private static final Logger log = LoggerFactory.getLogger(LoggedInSessions.class);

    private record Login(HttpSession session, UserId user, Role role, Instant at) {
    }

    private final Map<HttpSession, Login> logins = new ConcurrentHashMap<>();
    private final SessionProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LoggedInSessions(SessionProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** A session that just logged in. */
    public void loggedIn(HttpSession session, UserId user, Role role) {
        logins.put(session, new Login(session, user, role, clock.instant()));
    }

    /** Ends every logged-in session of the account except the given one (may be {@code null}). */
    public int endAll(UserId user, HttpSession except) {
        int ended = 0;
        for (Login login : logins.values()) {
            if (login.user().equals(user) && login.session() != except) {
                end(login);
                ended++;
            }
        }
        if (ended > 0) {
            log.info("{} session(s) of {} ended", ended, user);
        }
        return ended;
    }

    /** Ends the logged-in session with this id, if this node has it (a provider's back-channel logout). */
    public boolean endSession(String sessionId) {
        for (Login login : logins.values()) {
            if (login.session().getId().equals(sessionId)) {
                end(login);
                return true;
            }
        }
        return false;
    }

    /** Ends the logins older than their absolute lifetime. */
    @Scheduled(fixedDelayString = "${spiegel.sessions.check-interval:PT1M}",
            initialDelayString = "${spiegel.sessions.check-interval:PT1M}")
    public void endExpired() {
        Instant now = clock.instant();
        for (Login login : logins.values()) {
            boolean staff = login.role() != Role.CLIENT;
            if (!login.at().plus(staff ? properties.staffLifetime() : properties.clientLifetime()).isAfter(now)) {
                log.info("login of {} ended after its lifetime", login.user());
                end(login);
            }
        }
    }

    private void end(Login login) {
        try {
            login.session().invalidate();
        } catch (IllegalStateException alreadyEnded) {
            // ended in the meantime
        }
        ended(login.session());
    }

    /** The container ended a session (also after {@link #end}); the first to notice tells the other modules. */
    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        ended(event.getSession());
    }

    private void ended(HttpSession session) {
        Login login = logins.remove(session);
        if (login != null) {
            events.publishEvent(new SessionEnded(login.user(), login.role()));
        }
    }
}
