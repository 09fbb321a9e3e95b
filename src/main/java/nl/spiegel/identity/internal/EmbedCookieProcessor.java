package nl.spiegel.identity.internal;

import java.nio.charset.Charset;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.apache.tomcat.util.http.CookieProcessor;
import org.apache.tomcat.util.http.MimeHeaders;
import org.apache.tomcat.util.http.ServerCookies;

/**
 * Inside a portal's frame the browser only sends cookies that are {@code SameSite=None; Secure; Partitioned}; that
 * includes the container's own session cookie, which Vaadin needs (otherwise it shows "cookies disabled"). Every
 * other request keeps the configured attributes.
 */
class EmbedCookieProcessor implements CookieProcessor {

    private final CookieProcessor delegate;

    EmbedCookieProcessor(CookieProcessor delegate) {
        this.delegate = delegate;
    }

    @Override
    public String generateHeader(Cookie cookie, HttpServletRequest request) {
        if (request != null && request.getAttribute(EmbedContextFilter.REQUEST_ATTRIBUTE) != null) {
            cookie.setSecure(true);
            cookie.setAttribute("SameSite", "None");
            cookie.setAttribute("Partitioned", "");
        }
        return delegate.generateHeader(cookie, request);
    }

    @Override
    public void parseCookieHeader(MimeHeaders headers, ServerCookies serverCookies) {
        delegate.parseCookieHeader(headers, serverCookies);
    }

    @Override
    public Charset getCharset() {
        return delegate.getCharset();
    }
}
