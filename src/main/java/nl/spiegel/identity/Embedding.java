package nl.spiegel.identity;

import java.util.List;
import java.util.Optional;

import com.vaadin.flow.server.WrappedSession;

import nl.spiegel.organisation.OrganisationId;

/**
 * This browser uses Spiegel inside an organisation's portal (framed from one of its listed origins, or opened from
 * there in a new window). Kept in the HTTP session: new visitors then belong to that organisation, and the UI takes
 * its look.
 */
public record Embedding(OrganisationId organisation, String slug, List<String> allowedOrigins) {

    public static final String SESSION_ATTRIBUTE = Embedding.class.getName();

    public Embedding {
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    public static Optional<Embedding> of(WrappedSession session) {
        return session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof Embedding embedding
                ? Optional.of(embedding) : Optional.empty();
    }
}
