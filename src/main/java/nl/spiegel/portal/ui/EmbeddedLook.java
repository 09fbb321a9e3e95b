package nl.spiegel.portal.ui;

import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.WrappedSession;

import nl.spiegel.identity.Embedding;

/**
 * Every UI of a browser that came through a portal takes the organisation's look (its stylesheet of CSS custom
 * properties over Spiegel's own) and tells the portal's page that Spiegel runs: the loader script offers a new
 * window when that message never arrives (for example when the browser refused the frame's cookies).
 */
@Component
class EmbeddedLook implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            UI ui = init.getUI();
            Embedding.of(ui.getSession().getSession()).ifPresent(embedding -> {
                ui.getPage().addStyleSheet("/branding/" + embedding.slug() + ".css");
                announce(ui);
            });
        });
    }

    /**
     * Posts {@code spiegel:ready} with the page height to the framing page, only ever to the listed origin the
     * embed page was opened for; nothing else is sent.
     */
    static void announce(UI ui) {
        WrappedSession session = ui.getSession().getSession();
        if (session.getAttribute(EmbedView.HOST_ORIGIN) instanceof String host) {
            ui.getPage().executeJs("""
                    if (window.parent !== window) {
                      const tell = () => window.parent.postMessage({type: 'spiegel:ready',
                          height: document.documentElement.scrollHeight}, $0);
                      tell();
                      if (!window.__spiegelResize) {
                        window.__spiegelResize = new ResizeObserver(() => window.parent.postMessage(
                            {type: 'spiegel:resize', height: document.documentElement.scrollHeight}, $0));
                        window.__spiegelResize.observe(document.body);
                      }
                    }""", host);
        }
    }
}
