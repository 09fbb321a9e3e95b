package nl.spiegel.identity.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Predicate;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.filter.OncePerRequestFilter;

import nl.spiegel.identity.VisitorCookie;
import nl.spiegel.identity.VisitorToken;
import nl.spiegel.shared.database.DatabaseAway;

/**
 * Gives every browser a long-lived, HttpOnly visitor cookie and puts its token in the HTTP session, where the Vaadin
 * UI picks it up (also for Push requests, which do not pass through servlet filters).
 *
 * <p>Only tokens this server issued are accepted: one whose hash belongs to a visitor in the database, or the one this
 * session was given. Any other value is ignored and replaced by a fresh token, so whoever plants a cookie in somebody
 * else's browser cannot read along later. Over https the cookie carries the {@code __Host-} prefix, which browsers
 * only accept from this host, over https, for the whole site: a sibling subdomain or a plain-http page cannot set it.
 *
 * <p>While the database is away a cookie that is not this session's cannot be checked. It is then neither accepted
 * nor replaced (replacing it would cut the person off from everything they stored): the session notes it as
 * {@link #UNVERIFIED_ATTRIBUTE}, the page shows the calm "one moment" page, and the next request once the database is
 * back checks it again. Before, the failure escaped from this filter and the person was sent to the login page, which
 * failed the same way: a redirect loop.
 */
public class VisitorCookieFilter extends OncePerRequestFilter {

    public static final String COOKIE = VisitorCookie.NAME;
    public static final String SECURE_COOKIE = VisitorCookie.SECURE_NAME;
    public static final String SESSION_ATTRIBUTE = VisitorToken.class.getName();
    /** A visitor cookie this session was shown while the database was away, not checked yet. */
    public static final String UNVERIFIED_ATTRIBUTE = VisitorToken.class.getName() + ".unverified";

    private final Duration maxAge;
    private final Predicate<VisitorToken> issued;

    /**
     * @param issued whether a token was issued by this server (its hash belongs to a visitor)
     */
    public VisitorCookieFilter(Duration maxAge, Predicate<VisitorToken> issued) {
        this.maxAge = maxAge;
        this.issued = issued;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        VisitorToken inSession = session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof VisitorToken t
                ? t : null;
        VisitorToken presented = fromCookie(request, cookieName(request));
        VisitorToken legacy = request.isSecure() ? fromCookie(request, COOKIE) : null;
        VisitorToken token;
        Verdict verdict;
        try {
            verdict = presented != null
                    ? (presented.equals(inSession) || issued.test(presented) ? Verdict.PRESENTED : Verdict.NEW)
                    : legacy != null && (legacy.equals(inSession) || issued.test(legacy)) ? Verdict.LEGACY : Verdict.NEW;
        } catch (RuntimeException e) {
            if (!DatabaseAway.is(e)) {
                throw e;
            }
            // cannot tell: keep the person's cookie as it is and decide on a later request
            request.getSession(true).setAttribute(UNVERIFIED_ATTRIBUTE, presented != null ? presented : legacy);
            chain.doFilter(request, response);
            return;
        }
        if (verdict == Verdict.PRESENTED) {
            token = presented;
        } else {
            if (verdict == Verdict.LEGACY) {
                // a cookie from before the __Host- prefix: moved over once, then only the prefixed one counts
                token = legacy;
                response.addHeader(HttpHeaders.SET_COOKIE, VisitorCookie.expired(COOKIE, true));
            } else {
                token = inSession != null ? inSession : VisitorToken.generate();
            }
            setCookie(request, response, token, maxAge);
        }
        HttpSession current = request.getSession(true);
        current.setAttribute(SESSION_ATTRIBUTE, token);
        current.removeAttribute(UNVERIFIED_ATTRIBUTE);
        chain.doFilter(request, response);
    }

    /** Which cookie belongs to this browser: the one presented, one from before the prefix, or a new one. */
    private enum Verdict { PRESENTED, LEGACY, NEW }

    /**
     * Gives the browser a fresh visitor token, for after a logout: nothing from before the logout is reachable from
     * this browser any more, and the next person at a shared computer starts clean.
     */
    static VisitorToken renew(HttpServletRequest request, HttpServletResponse response, Duration maxAge) {
        VisitorToken token = VisitorToken.generate();
        setCookie(request, response, token, maxAge);
        return token;
    }

    /** The cookie's name: with the {@code __Host-} prefix over https. */
    public static String cookieName(HttpServletRequest request) {
        return request.isSecure() ? SECURE_COOKIE : COOKIE;
    }

    private static void setCookie(HttpServletRequest request, HttpServletResponse response, VisitorToken token,
                                  Duration maxAge) {
        // inside a portal's frame the browser only sends a partitioned cross-site cookie (see EmbedContextFilter)
        boolean embedded = EmbedContextFilter.of(request).isPresent();
        ResponseCookie cookie = ResponseCookie.from(cookieName(request), token.value())
                .httpOnly(true)
                .secure(request.isSecure() || embedded)
                .sameSite(embedded ? "None" : "Lax")
                .partitioned(embedded)
                .path("/")
                .maxAge(maxAge)
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    private static VisitorToken fromCookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName()) && VisitorToken.isWellFormed(cookie.getValue())) {
                return new VisitorToken(cookie.getValue());
            }
        }
        return null;
    }
}
