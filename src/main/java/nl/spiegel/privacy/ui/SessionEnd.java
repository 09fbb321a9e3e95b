package nl.spiegel.privacy.ui;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;

import nl.spiegel.identity.VisitorCookie;

/**
 * After a deletion: the browser forgets the visitor cookie and the HTTP session ends (which also logs out a
 * logged-in account), so nothing ties this browser to the deleted user any more. The next page starts as a new,
 * empty visitor.
 */
final class SessionEnd {

    /** The identity module's visitor cookie (identity.internal.VisitorCookieFilter.COOKIE; a test keeps them equal). */
    static final String VISITOR_COOKIE = VisitorCookie.NAME;
    /** Its name over https (identity.internal.VisitorCookieFilter.SECURE_COOKIE). */
    static final String SECURE_VISITOR_COOKIE = VisitorCookie.SECURE_NAME;

    private SessionEnd() {
    }

    static void forgetVisitor() {
        VaadinResponse response = VaadinResponse.getCurrent();
        if (response instanceof VaadinServletResponse servlet) {
            HttpServletResponse http = servlet.getHttpServletResponse();
            http.addHeader(HttpHeaders.SET_COOKIE, VisitorCookie.expired(VISITOR_COOKIE, false));
            if (VaadinRequest.getCurrent() != null && VaadinRequest.getCurrent().isSecure()) {
                http.addHeader(HttpHeaders.SET_COOKIE, VisitorCookie.expired(SECURE_VISITOR_COOKIE, true));
            }
        }
        VaadinSession session = VaadinSession.getCurrent();
        WrappedSession http = session == null ? null : session.getSession();
        if (http != null) {
            try {
                http.invalidate();
            } catch (IllegalStateException alreadyEnded) {
                // nothing left to end
            }
        }
    }
}
