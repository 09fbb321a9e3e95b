package nl.spiegel.identity;

import java.util.Optional;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;

import nl.spiegel.identity.internal.VisitorCookieFilter;
import nl.spiegel.organisation.OrganisationId;

/**
 * The person using the current Vaadin session, for views. After a login that is the account, on whatever device;
 * otherwise the pseudonymous user behind the browser's visitor cookie.
 */
@Component
public class CurrentVisitor {

    private static final String CACHE = Visitor.class.getName();

    private final VisitorService visitors;
    private final AccountSessions sessions;

    CurrentVisitor(VisitorService visitors, AccountSessions sessions) {
        this.visitors = visitors;
        this.sessions = sessions;
    }

    public Visitor get() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null) {
            throw new IllegalStateException("No Vaadin session");
        }
        Optional<Visitor> account = sessions.principal()
                .map(details -> new Visitor(details.userId(), details.organisationId()));
        if (account.isPresent()) {
            return account.get();
        }
        WrappedSession http = session.getSession();
        VisitorToken visitorToken;
        if (http.getAttribute(VisitorCookieFilter.SESSION_ATTRIBUTE) instanceof VisitorToken fromCookie) {
            visitorToken = fromCookie;
        } else if (http.getAttribute(VisitorCookieFilter.UNVERIFIED_ATTRIBUTE) != null) {
            // the browser's cookie could not be checked while the database was away: not a new visitor, whose empty
            // pages would hide what this person stored; the page says calmly that their data cannot be reached now
            throw new DataAccessResourceFailureException("the visitor cookie is not checked yet: database away");
        } else {
            // no cookie filter ran (for example in browserless tests): the visitor lives as long as the session
            visitorToken = VisitorToken.generate();
            http.setAttribute(VisitorCookieFilter.SESSION_ATTRIBUTE, visitorToken);
        }
        Object cached = session.getAttribute(CACHE);
        if (cached instanceof CachedVisitor(VisitorToken cachedToken, Visitor visitor) && cachedToken.equals(visitorToken)) {
            return visitor;
        }
        Visitor visitor = visitors.resolve(visitorToken, Embedding.of(http).map(Embedding::organisation)
                .orElse(OrganisationId.DEFAULT));
        session.setAttribute(CACHE, new CachedVisitor(visitorToken, visitor));
        return visitor;
    }

    /** Whether the current session belongs to a logged-in account (of any role). */
    public boolean isLoggedIn() {
        return sessions.principal().isPresent();
    }

    private record CachedVisitor(VisitorToken token, Visitor visitor) {
    }
}
