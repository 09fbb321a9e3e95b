package nl.spiegel.portal.ui;

import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import nl.spiegel.identity.Embedding;
import nl.spiegel.organisation.OrganisationDirectory;

/**
 * The entry of Spiegel inside an organisation's portal: the loader script frames {@code /embed/{slug}?host=origin}.
 * The embed context (cookies, framing, the visitor's organisation) is already set by the identity module's filter;
 * this view remembers which listed origin framed it, for {@link EmbeddedLook}'s messages, and goes on to the normal
 * start page. An unknown organisation is a plain not-found page.
 */
@Route("embed/:slug")
@AnonymousAllowed
public class EmbedView extends Div implements BeforeEnterObserver {

    static final String HOST_ORIGIN = EmbedView.class.getName() + ".host";

    private final OrganisationDirectory organisations;

    public EmbedView(OrganisationDirectory organisations) {
        this.organisations = organisations;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String slug = event.getRouteParameters().get("slug").orElse("");
        if (organisations.bySlug(slug).isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        VaadinSession session = VaadinSession.getCurrent();
        Optional<String> host = event.getLocation().getQueryParameters().getSingleParameter("host");
        List<String> allowed = Embedding.of(session.getSession()).map(Embedding::allowedOrigins).orElse(List.of());
        if (host.isPresent() && !allowed.contains(host.get())) {
            // framed by a page that is not listed: the browser refuses to show it anyway, and nothing is started
            event.rerouteToError(NotFoundException.class);
            return;
        }
        host.ifPresent(origin -> session.getSession().setAttribute(HOST_ORIGIN, origin));
        EmbeddedLook.announce(event.getUI());
        event.forwardTo("");
    }
}
