package nl.spiegel.identity;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;

import nl.spiegel.identity.internal.VisitorCookieFilter;

/**
 * Browserless tests share one mocked HTTP session across test classes: a login or a visitor cookie from an earlier
 * test would otherwise still be there. This makes the current session a new anonymous visitor.
 */
public final class AnonymousBrowserlessVisitor {

    private AnonymousBrowserlessVisitor() {
    }

    public static void start() {
        SecurityContextHolder.clearContext();
        WrappedSession http = VaadinSession.getCurrent().getSession();
        http.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        http.setAttribute(VisitorCookieFilter.SESSION_ATTRIBUTE, VisitorToken.generate());
    }
}
