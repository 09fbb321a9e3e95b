package nl.spiegel.identity.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.header.HeaderWriter;

/**
 * The Content-Security-Policy, with who may frame the page. Everywhere: nobody ({@code frame-ancestors 'none'} and
 * {@code X-Frame-Options: DENY}). Inside an organisation's portal ({@link EmbedContextFilter}): only the origins that
 * organisation listed, and no X-Frame-Options, which cannot name origins.
 */
class FramingHeaderWriter implements HeaderWriter {

    private final String policyWithoutFraming;

    FramingHeaderWriter(String policyWithoutFraming) {
        this.policyWithoutFraming = policyWithoutFraming;
    }

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        String ancestors = EmbedContextFilter.of(request).map(embedding -> frameAncestors(embedding.allowedOrigins()))
                .orElse("'none'");
        if (!response.containsHeader("Content-Security-Policy")) {
            response.setHeader("Content-Security-Policy", policyWithoutFraming + "; frame-ancestors " + ancestors);
        }
        if (EmbedContextFilter.of(request).isEmpty() && !response.containsHeader("X-Frame-Options")) {
            response.setHeader("X-Frame-Options", "DENY");
        }
    }

    static String frameAncestors(List<String> origins) {
        return origins.isEmpty() ? "'none'" : String.join(" ", origins);
    }
}
