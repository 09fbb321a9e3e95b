package nl.spiegel.identity.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.filter.OncePerRequestFilter;

import nl.spiegel.identity.Embedding;
import nl.spiegel.organisation.Organisation;
import nl.spiegel.organisation.OrganisationDirectory;

/**
 * Recognises requests from Spiegel inside an organisation's portal: the embed page {@code /embed/{slug}} itself, and
 * every later request of that frame, which carries the partitioned marker cookie the embed page set. Such requests get
 * {@link #REQUEST_ATTRIBUTE}; the cookie processor then makes every cookie {@code SameSite=None; Secure; Partitioned}
 * and the header writer allows framing from the organisation's listed origins only.
 *
 * <p>The marker only says which organisation; framing is always limited to that organisation's own list, so a marker
 * planted elsewhere opens nothing.
 */
class EmbedContextFilter extends OncePerRequestFilter {

    static final String REQUEST_ATTRIBUTE = Embedding.class.getName() + ".request";
    static final String MARKER_COOKIE = "SPIEGEL_EMBED";
    private static final String FRAME_OPTIONS = "X-Frame-Options";
    private static final Pattern EMBED_PATH = Pattern.compile("^/embed/([a-z0-9-]{1,40})/?$");

    private final OrganisationDirectory organisations;
    private final Duration maxAge;

    EmbedContextFilter(OrganisationDirectory organisations, Duration maxAge) {
        this.organisations = organisations;
        this.maxAge = maxAge;
    }

    static Optional<Embedding> of(HttpServletRequest request) {
        return request.getAttribute(REQUEST_ATTRIBUTE) instanceof Embedding embedding ? Optional.of(embedding)
                : Optional.empty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher embedPage = EMBED_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        String slug = embedPage.matches() ? embedPage.group(1) : marker(request);
        Optional<Organisation> organisation = slug == null ? Optional.empty() : organisations.bySlug(slug);
        if (embedPage.matches() && organisation.isEmpty()) {
            notFound(response);
            return;
        }
        if (organisation.isPresent()) {
            Organisation found = organisation.get();
            Embedding embedding = new Embedding(found.id(), found.slug(), found.embedOrigins());
            request.setAttribute(REQUEST_ATTRIBUTE, embedding);
            if (embedPage.matches()) {
                response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(MARKER_COOKIE, found.slug())
                        .httpOnly(true).secure(true).sameSite("None").partitioned(true).path("/").maxAge(maxAge)
                        .build().toString());
            }
            // created here, before anything else, so the session cookie is made with the embed attributes
            request.getSession(true).setAttribute(Embedding.SESSION_ATTRIBUTE, embedding);
            chain.doFilter(request, new WithoutFrameOptions(response));
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * X-Frame-Options cannot name origins and would overrule the allow-list in browsers that read it first; Vaadin's
     * security configurer switches it back on, so for embed requests it is dropped here.
     */
    private static final class WithoutFrameOptions extends HttpServletResponseWrapper {

        WithoutFrameOptions(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            if (!FRAME_OPTIONS.equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!FRAME_OPTIONS.equalsIgnoreCase(name)) {
                super.addHeader(name, value);
            }
        }
    }

    /** An unknown organisation: a plain page that says so, starts nothing and may not be framed. */
    private static void notFound(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        response.setHeader(FRAME_OPTIONS, "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("""
                <!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Niet gevonden</title></head>
                <body><h1>Niet gevonden</h1><p>Deze organisatie kennen we niet.</p>
                <p lang="en">Not found: we do not know this organisation.</p></body></html>""");
    }

    private static String marker(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (MARKER_COOKIE.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }
}
