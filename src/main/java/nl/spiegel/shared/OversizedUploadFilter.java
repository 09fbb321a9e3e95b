package nl.spiegel.shared;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an upload whose announced length is over the server's limit for any upload ({@code
 * spring.servlet.multipart.max-request-size}) with 413 before anything reads it. Without this, the first filter
 * that asks for a request parameter makes the servlet container parse the body, which fails with an exception that
 * is logged as an error with its whole stack trace, twice per request: anyone could fill the log that way.
 * Uploads within the limit go on to the screen, which says in words what it accepts.
 */
class OversizedUploadFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(OversizedUploadFilter.class);

    private final long maxBytes;

    OversizedUploadFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (maxBytes >= 0 && request.getContentLengthLong() > maxBytes && type != null
                && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            log.info("upload of {} bytes refused (limit {})", request.getContentLengthLong(), maxBytes);
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            // the body is not read; the container closes the connection rather than swallow it all
            response.setHeader("Connection", "close");
            return;
        }
        chain.doFilter(request, response);
    }
}
