package nl.spiegel.shared.ui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedRuntimeException;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import jakarta.servlet.http.HttpServletResponse;

import nl.spiegel.escalation.ui.HelpDialogs;
import nl.spiegel.shared.LogSafe;
import nl.spiegel.shared.database.DatabaseAway;

/**
 * Shown instead of a page that could not be built because the database (or another Spring-managed resource) failed:
 * calm words, the crisis contacts, a way to try again; never a stack trace or an error code. It needs nothing from
 * the database itself, so it also works while the database is away (the crisis contacts then are the national
 * defaults).
 */
@AnonymousAllowed
public class StorageAwayView extends Div implements HasErrorParameter<NestedRuntimeException> {

    private static final Logger log = LoggerFactory.getLogger(StorageAwayView.class);

    private final HelpDialogs help;

    public StorageAwayView(HelpDialogs help) {
        this.help = help;
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NestedRuntimeException> parameter) {
        boolean away = DatabaseAway.is(parameter.getException());
        log.warn("page {} not shown ({}): {}", event.getLocation().getPath(), away ? "database away" : "failure",
                LogSafe.describe(parameter.getException()));
        removeAll();
        setId("storage-away");
        addClassName("sp-storage-away");
        H1 title = new H1(getTranslation(away ? "storage-away.title" : "storage-failure.title"));
        Paragraph text = new Paragraph(getTranslation(away ? "storage-away.text" : "storage-failure.text"));
        Paragraph helpText = new Paragraph(getTranslation("storage-away.help"));
        helpText.setId("storage-away-help");
        Button again = new Button(getTranslation("storage-away.again"), click -> UI.getCurrent().getPage().reload());
        again.setId("storage-away-again");
        again.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(title, text, again, helpText, help.contactList());
        return away ? HttpServletResponse.SC_SERVICE_UNAVAILABLE : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
