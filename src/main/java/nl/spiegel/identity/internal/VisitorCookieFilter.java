package nl.spiegel.identity.internal;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import nl.spiegel.identity.VisitorToken;

/**
 * Gives every browser a long-lived, HttpOnly visitor cookie and puts its token in the HTTP session, where the Vaadin
 * UI picks it up (also for Push requests, which do not pass through servlet filters).
 */
public class VisitorCookieFilter extends OncePerRequestFilter {

    public static final String COOKIE = "SPIEGEL_VISITOR";
    public static final String SESSION_ATTRIBUTE = VisitorToken.class.getName();

    private final Duration maxAge;

    public VisitorCookieFilter(Duration maxAge) {
        this.maxAge = maxAge;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        VisitorToken token = fromCookie(request);
        if (token == null) {
            var session = request.getSession(false);
            Object known = session == null ? null : session.getAttribute(SESSION_ATTRIBUTE);
            token = known instanceof VisitorToken sessionToken ? sessionToken : VisitorToken.generate();
            setCookie(request, response, token, maxAge);
        }
        request.getSession(true).setAttribute(SESSION_ATTRIBUTE, token);
        chain.doFilter(request, response);
    }

    /**
     * Gives the browser a fresh visitor token, for after a logout: nothing from before the logout is reachable from
     * this browser any more, and the next person at a shared computer starts clean.
     */
    static VisitorToken renew(HttpServletRequest request, HttpServletResponse response, Duration maxAge) {
        VisitorToken token = VisitorToken.generate();
        setCookie(request, response, token, maxAge);
        return token;
    }

    private static void setCookie(HttpServletRequest request, HttpServletResponse response, VisitorToken token,
                                  Duration maxAge) {
        ResponseCookie cookie = ResponseCookie.from(COOKIE, token.value())
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Lax")
                .path("/")
                .maxAge(maxAge)
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    private static VisitorToken fromCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName()) && VisitorToken.isWellFormed(cookie.getValue())) {
                return new VisitorToken(cookie.getValue());
            }
        }
        return null;
    }
}
