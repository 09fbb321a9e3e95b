package nl.spiegel.audit.internal;


import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;

/**
 * Where a request comes from, for the audit trail: the client's network address and a hash of the HTTP session id.
 *
 * <p>Audit entries are written in the service layer, often while handling a Vaadin Push message, which passes no
 * servlet filter and may carry no usable request. So the address is captured when a page loads (also the first page
 * after logging in) and kept in the HTTP session; {@link #current()} reads it from there and only falls back to the
 * request at hand. The address is {@code getRemoteAddr()}: an X-Forwarded-For header is never read here. Behind a
 * proxy, set {@code server.forward-headers-strategy} so that the servlet container itself replaces the remote
 * address with the forwarded one, and only for trusted proxies.
 */
@Component
public class ClientContext {

    /** Plain strings in the HTTP session, so it stays serializable. */
    static final String ADDRESS = ClientContext.class.getName() + ".address";

    /**
     * @param address    null when unknown
     * @param sessionRef null outside an HTTP session
     */
    public record Snapshot(String address, String sessionRef) {
        static final Snapshot NONE = new Snapshot(null, null);
    }

    /** Remembers the address of the request that loads a page, in the HTTP session. */
    void capture(VaadinRequest request) {
        if (request == null) {
            return;
        }
        WrappedSession session = request.getWrappedSession(false);
        String address = request.getRemoteAddr();
        if (session != null && address != null) {
            try {
                session.setAttribute(ADDRESS, address);
            } catch (IllegalStateException invalidated) {
                // the session ended during this request (logout); nothing to remember
            }
        }
    }

    public Snapshot current() {
        String address = null;
        String sessionId = null;
        VaadinSession vaadin = VaadinSession.getCurrent();
        WrappedSession wrapped = vaadin == null ? null : vaadin.getSession();
        if (wrapped != null) {
            try {
                // the wrapped HTTP session needs no Vaadin session lock (download requests do not hold it)
                if (wrapped.getAttribute(ADDRESS) instanceof String captured) {
                    address = captured;
                }
                sessionId = wrapped.getId();
            } catch (IllegalStateException invalidated) {
                // the session ended during this request; fall back to the request itself
            }
        }
        HttpServletRequest request = servletRequest();
        if (address == null && request != null) {
            address = request.getRemoteAddr();
        }
        if (sessionId == null && request != null) {
            HttpSession session = request.getSession(false);
            sessionId = session == null ? null : safeId(session);
        }
        if (address == null && sessionId == null) {
            return Snapshot.NONE;
        }
        return new Snapshot(address, sessionId == null ? null : sha256(sessionId));
    }

    private static HttpServletRequest servletRequest() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null;
    }

    private static String safeId(HttpSession session) {
        try {
            return session.getId();
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }

    static String sha256(String value) {
        return DigestUtils.sha256Hex(value);
    }
}
