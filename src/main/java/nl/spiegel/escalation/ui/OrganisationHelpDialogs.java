package nl.spiegel.escalation.ui;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dialog.Dialog;

import org.springframework.beans.factory.ObjectProvider;

import nl.spiegel.escalation.CrisisContacts;
import nl.spiegel.escalation.HumanHandoff;
import nl.spiegel.identity.Visitor;
import nl.spiegel.identity.CurrentVisitor;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;
import nl.spiegel.shared.ui.HelpDialogFactory;

/** The help dialog with the crisis contacts of the current visitor's organisation, in the language of the screen. */
@Component
class OrganisationHelpDialogs implements HelpDialogFactory {

    private static final Logger log = LoggerFactory.getLogger(OrganisationHelpDialogs.class);

    private final CrisisContacts contacts;
    private final CurrentVisitor visitor;
    private final ObjectProvider<HumanHandoff> handoff;

    OrganisationHelpDialogs(CrisisContacts contacts, CurrentVisitor visitor, ObjectProvider<HumanHandoff> handoff) {
        this.contacts = contacts;
        this.visitor = visitor;
        this.handoff = handoff;
    }

    @Override
    public Dialog create() {
        UI ui = UI.getCurrent();
        Locale locale = ui == null ? SpiegelI18NProvider.DUTCH : ui.getLocale();
        Visitor who = visitor();
        return new HelpDialog(contacts.forOrganisation(who == null ? OrganisationId.DEFAULT : who.organisationId(),
                locale), handoff.getIfUnique(), who);
    }

    /** The help must open even when the visitor cannot be looked up (database down): then the default contacts. */
    private Visitor visitor() {
        try {
            return visitor.get();
        } catch (RuntimeException e) {
            log.warn("visitor not resolved for the help dialog; showing the default crisis contacts", e);
            return null;
        }
    }
}
