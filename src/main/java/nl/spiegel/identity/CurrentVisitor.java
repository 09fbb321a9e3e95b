package nl.spiegel.identity;

import org.springframework.stereotype.Component;

import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;

import nl.spiegel.identity.internal.VisitorCookieFilter;

/** The visitor of the current Vaadin session, for views. */
@Component
public class CurrentVisitor {

    private static final String CACHE = Visitor.class.getName();

    private final VisitorService visitors;

    CurrentVisitor(VisitorService visitors) {
        this.visitors = visitors;
    }

    public Visitor get() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null) {
            throw new IllegalStateException("No Vaadin session");
        }
        WrappedSession http = session.getSession();
        VisitorToken visitorToken;
        if (http.getAttribute(VisitorCookieFilter.SESSION_ATTRIBUTE) instanceof VisitorToken fromCookie) {
            visitorToken = fromCookie;
        } else {
            // no cookie filter ran (for example in browserless tests): the visitor lives as long as the session
            visitorToken = VisitorToken.generate();
            http.setAttribute(VisitorCookieFilter.SESSION_ATTRIBUTE, visitorToken);
        }
        Object cached = session.getAttribute(CACHE);
        if (cached instanceof CachedVisitor(VisitorToken cachedToken, Visitor visitor) && cachedToken.equals(visitorToken)) {
            return visitor;
        }
        Visitor visitor = visitors.resolve(visitorToken);
        session.setAttribute(CACHE, new CachedVisitor(visitorToken, visitor));
        return visitor;
    }

    private record CachedVisitor(VisitorToken token, Visitor visitor) {
    }
}
