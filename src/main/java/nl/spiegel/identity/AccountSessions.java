package nl.spiegel.identity;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;

import nl.spiegel.identity.internal.AccountUserDetails;
import nl.spiegel.identity.internal.LoggedInSessions;

/**
 * The login state of the browser session. A completed login changes the session id (session fixation), stores the
 * account in the session's security context and from then on {@link CurrentVisitor} is that account, on whatever
 * device. Logging out ends the session ({@code AuthenticationContext.logout()} in the views).
 */
@Component
public class AccountSessions {

    static final String PENDING = PendingLogin.class.getName();

    private final SessionAuthenticationStrategy sessionStrategy;
    private final SecurityContextRepository contextRepository;
    private final LoggedInSessions loggedIn;
    /**
     * The strategy of this application context, the one its security filters set and clear. Vaadin also installs its
     * strategy as the JVM-wide {@link SecurityContextHolder} one, but with more than one application context in a JVM
     * (tests, a second node) that may be another context's, whose thread-locals these filters never clear.
     */
    private final SecurityContextHolderStrategy holder;

    AccountSessions(SessionAuthenticationStrategy sessionStrategy, SecurityContextRepository contextRepository,
                    LoggedInSessions loggedIn, ObjectProvider<SecurityContextHolderStrategy> holder) {
        this.sessionStrategy = sessionStrategy;
        this.contextRepository = contextRepository;
        this.loggedIn = loggedIn;
        this.holder = holder.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    /** Logs the current browser session in, from a Vaadin request. */
    public void logIn(AuthenticatedAccount account) {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        VaadinServletResponse response = VaadinServletResponse.getCurrent();
        if (request == null || response == null) {
            throw new IllegalStateException("logging in needs the current HTTP request");
        }
        logIn(account, request.getHttpServletRequest(), response.getHttpServletResponse());
        forgetPending();
    }

    /** Logs the session of this request in: a new session id, and the account in its security context. */
    public void logIn(AuthenticatedAccount account, HttpServletRequest request, HttpServletResponse response) {
        AccountUserDetails principal = new AccountUserDetails(account.userId(), account.organisationId(),
                account.role(), account.displayName(), account.email(), null);
        Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities());
        request.getSession(true);
        sessionStrategy.onAuthentication(authentication, request, response);
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(authentication);
        holder.setContext(context);
        contextRepository.saveContext(context, request, response);
        if (VaadinSession.getCurrent() != null) {
            // Vaadin's holder strategy reads the context from the session from here on. A login handled outside the
            // security filters (a message over the Push WebSocket) would otherwise leave this account on the server
            // thread, where the next session without a login of its own would find it.
            holder.clearContext();
        }
        request.getSession().removeAttribute(PENDING);
        loggedIn.loggedIn(request.getSession(), account.userId(), account.role());
    }

    /**
     * Ends every logged-in session of the account except the one of the current request: after a password reset, a
     * change of role or a deletion, nothing that was logged in before keeps working.
     */
    public void endOtherSessions(UserId user) {
        VaadinServletRequest vaadin = VaadinServletRequest.getCurrent();
        HttpServletRequest request = vaadin != null ? vaadin.getHttpServletRequest()
                : RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
                        ? servlet.getRequest() : null;
        loggedIn.endAll(user, request == null ? null : request.getSession(false));
    }

    /** The logged-in account of this session, also in push requests that skip the security filters. */
    Optional<AccountUserDetails> principal() {
        Optional<AccountUserDetails> fromHolder = from(holder.getContext())
                .or(() -> from(SecurityContextHolder.getContext()));
        if (fromHolder.isPresent()) {
            return fromHolder;
        }
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && session.getSession() != null
                && session.getSession().getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                        instanceof SecurityContext stored) {
            return from(stored);
        }
        return Optional.empty();
    }

    public Optional<UserId> currentUser() {
        return principal().map(AccountUserDetails::userId);
    }

    /** Where a freshly logged-in account starts. */
    public String homeOf(AuthenticatedAccount account) {
        return switch (account.role()) {
            case THERAPIST -> "therapist";
            case ORG_ADMIN, PLATFORM_ADMIN -> "account";
            case CONTENT_EDITOR -> "admin/dialogues";
            case CLIENT -> "";
        };
    }

    public void rememberPending(PendingLogin pending) {
        WrappedSession session = wrappedSession();
        if (session != null) {
            session.setAttribute(PENDING, pending);
        }
    }

    public Optional<PendingLogin> pending() {
        WrappedSession session = wrappedSession();
        return session != null && session.getAttribute(PENDING) instanceof PendingLogin pending
                ? Optional.of(pending) : Optional.empty();
    }

    public void forgetPending() {
        WrappedSession session = wrappedSession();
        if (session != null) {
            session.removeAttribute(PENDING);
        }
    }

    /** The network address of the current request, for throttling and the login record. */
    public String clientAddress() {
        VaadinRequest request = VaadinRequest.getCurrent();
        return request == null || request.getRemoteAddr() == null ? "unknown" : request.getRemoteAddr();
    }

    private static WrappedSession wrappedSession() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? null : session.getSession();
    }

    private static Optional<AccountUserDetails> from(SecurityContext context) {
        Authentication authentication = context == null ? null : context.getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof AccountUserDetails details) {
            return Optional.of(details);
        }
        return Optional.empty();
    }
}
