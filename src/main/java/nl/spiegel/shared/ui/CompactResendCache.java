package nl.spiegel.shared.ui;

import java.io.IOException;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.VaadinSessionState;
import com.vaadin.flow.server.communication.UidlRequestHandler;
import com.vaadin.flow.shared.ApplicationConstants;

/**
 * Vaadin keeps the last response of every open screen, to send it again when the browser repeats a request whose
 * answer it never got. A Java string holds one byte per character only while every character is in Latin-1; one
 * emoji (the mood faces) or typographic quote in that response makes it two bytes per character, about 20 kB more for
 * every open chat after a dialogue's last step. This keeps that copy with such characters written as JSON escapes
 * (a backslash, "u" and four hex digits): the same JSON for the browser, one byte per character in memory. The response sent now is not
 * touched; only the copy kept for resending is.
 *
 * <p>Registered as a request handler, which Vaadin runs before its own, so it takes every UIDL request and hands it
 * to Vaadin's own handling first. Server plumbing, not a view: it reads Vaadin's {@code UIInternals}, which views must
 * not (see ArchitectureTest).
 */
@Component
class CompactResendCache implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addRequestHandler(new Handler());
    }

    /** Vaadin's UIDL handling, then the kept copy in Latin-1. Runs under the session lock, like Vaadin's own. */
    static final class Handler extends UidlRequestHandler {

        @Override
        public Optional<ResponseWriter> synchronizedHandleRequest(VaadinSession session, VaadinRequest request,
                                                                  VaadinResponse response, String requestBody)
                throws IOException {
            Optional<ResponseWriter> writer = super.synchronizedHandleRequest(session, request, response, requestBody);
            // a request that ended the session (logging out) leaves nothing to keep: the session has no lock or UIs
            if (session.getLockInstance() == null || session.getState() != VaadinSessionState.OPEN) {
                return writer;
            }
            UI ui = uiOf(session, request);
            if (ui != null) {
                String kept = ui.getInternals().getLastRequestResponse();
                String compact = latin1(kept);
                if (compact != kept) {
                    ui.getInternals().setLastRequestResponse(compact);
                }
            }
            return writer;
        }

        /** The UI the request was for, looked up in this session (not loaded again from the HTTP session). */
        private static UI uiOf(VaadinSession session, VaadinRequest request) {
            String id = request.getParameter(ApplicationConstants.UI_ID_PARAMETER);
            if (id == null) {
                return null;
            }
            try {
                return session.getUIById(Integer.parseInt(id));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /**
     * The same JSON with every character beyond Latin-1 written as a JSON escape; the string itself
     * when there is none. Such characters only occur inside JSON strings, where the escape means the same.
     */
    static String latin1(String json) {
        if (json == null) {
            return null;
        }
        int first = -1;
        for (int i = 0; i < json.length(); i++) {
            if (json.charAt(i) > 0xFF) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            return json;
        }
        StringBuilder out = new StringBuilder(json.length() + 64);
        out.append(json, 0, first);
        for (int i = first; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c > 0xFF) {
                out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF])
                        .append(HEX[c & 0xF]);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();
}
