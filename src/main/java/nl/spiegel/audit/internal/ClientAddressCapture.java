package nl.spiegel.audit.internal;

import org.springframework.stereotype.Component;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;

/** Captures the client's address at every page load (a new UI), including the first page after logging in. */
@Component
class ClientAddressCapture implements VaadinServiceInitListener {

    private final ClientContext context;

    ClientAddressCapture(ClientContext context) {
        this.context = context;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> context.capture(VaadinRequest.getCurrent()));
    }
}
