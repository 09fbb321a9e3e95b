package nl.spiegel.identity.internal;

import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;

import nl.spiegel.identity.AccountActivity;

/**
 * Runs with Spring's own logout handlers (which end the session and clear the security context): gives the browser a
 * fresh visitor cookie, so nothing of the logged-in time stays reachable, and tells the audit trail.
 */
final class LogoutCleanup implements LogoutHandler {

    private final Duration visitorCookieMaxAge;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LogoutCleanup(Duration visitorCookieMaxAge, ApplicationEventPublisher events, Clock clock) {
        this.visitorCookieMaxAge = visitorCookieMaxAge;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        VisitorCookieFilter.renew(request, response, visitorCookieMaxAge);
        if (authentication != null && authentication.getPrincipal() instanceof AccountUserDetails account) {
            events.publishEvent(new AccountActivity(account.userId(), account.organisationId(),
                    AccountActivity.Kind.LOGGED_OUT, clock.instant()));
        }
    }
}
