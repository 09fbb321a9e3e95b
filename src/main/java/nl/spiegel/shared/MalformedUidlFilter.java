package nl.spiegel.shared;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a Vaadin UIDL request whose body is not UTF-8, not JSON, or JSON of a shape Vaadin would fail on (text
 * where it reads a number, and the like) with 400, before Vaadin reads it. A browser never sends one
 * (it encodes the JSON itself); a tampered or broken client does. Without this, the servlet container's strict
 * decoding fails inside Vaadin's request handling, which treats it as an unexpected error: an ERROR with its stack
 * trace in the log and "something went wrong" on the screen, for a request that only had to be refused (decoding
 * leniently instead would store a person's words with replacement characters in them). A field of the wrong type
 * Vaadin treats as an unexpected error too; a body that is no JSON it refuses quietly, but logs each as an ERROR
 * with its stack trace.
 */
class MalformedUidlFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(MalformedUidlFilter.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String query = request.getQueryString();
        // the query string only: asking for a parameter could make the container read the body
        return !"POST".equals(request.getMethod()) || query == null || !query.contains("v-r=uidl");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Vaadin reads the whole body into one string anyway
        byte[] body = request.getInputStream().readAllBytes();
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            log.warn("UIDL request of {} bytes that are not UTF-8 refused", body.length);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        String problem = shapeProblem(body);
        if (problem != null) {
            log.warn("UIDL request of {} bytes refused: {}", body.length, problem);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(new ReadAgain(request, body), response);
    }

    /**
     * What makes this body something Vaadin would fail on as an unexpected error rather than refuse: not JSON, or a
     * field it reads as a number, text or list holding something else (Vaadin then fails with "cannot coerce" and
     * shows its error message). Null when the shape is fine; unknown fields are left to Vaadin.
     */
    static String shapeProblem(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            return "not JSON";
        }
        if (root == null || !root.isObject()) {
            return "not a JSON object";
        }
        for (String number : List.of("syncId", "clientId")) {
            if (root.has(number) && !root.get(number).canConvertToInt()) {
                return number + " is not a whole number";
            }
        }
        if (root.has("csrfToken") && !root.get("csrfToken").isString()) {
            return "csrfToken is not text";
        }
        if (root.has("rpc")) {
            if (!root.get("rpc").isArray()) {
                return "rpc is not a list";
            }
            for (JsonNode invocation : root.get("rpc")) {
                if (!invocation.isObject()) {
                    return "an invocation is not an object";
                }
                for (String number : List.of("node", "feature", "promise")) {
                    if (invocation.has(number) && !invocation.get(number).canConvertToInt()) {
                        return number + " is not a whole number";
                    }
                }
                for (String text : List.of("type", "property", "event", "templateEventMethodName")) {
                    if (invocation.has(text) && !invocation.get(text).isString()) {
                        return text + " is not text";
                    }
                }
            }
        }
        return null;
    }

    /** The request with its body, already read, to be read once more. */
    private static final class ReadAgain extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadAgain(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body has been read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
