package nl.spiegel.escalation.ui;

import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dialog.Dialog;

import nl.spiegel.escalation.CrisisContact;
import nl.spiegel.escalation.CrisisContacts;
import nl.spiegel.identity.CurrentVisitor;
import nl.spiegel.identity.Visitor;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;

/**
 * The help behind every "Hulp nodig?" button (the layouts' header, the mood check-in) and on the page shown while
 * the database is away: the crisis contacts of the current visitor's organisation, in the language of the screen.
 */
@Component
public class HelpDialogs {

    private static final Logger log = LoggerFactory.getLogger(HelpDialogs.class);

    private final CrisisContacts contacts;
    private final CurrentVisitor visitor;
    private final HumanHandoff handoff;

    HelpDialogs(CrisisContacts contacts, CurrentVisitor visitor, HumanHandoff handoff) {
        this.contacts = contacts;
        this.visitor = visitor;
        this.handoff = handoff;
    }

    /** The help dialog, not yet open: the contacts, a person (on duty or a call-back form) and the safety plan. */
    public Dialog create() {
        Visitor who = visitor();
        return new HelpDialog(contactsFor(who), handoff, who);
    }

    /** The crisis contacts alone, as a list; never empty (the national defaults when nothing else can be read). */
    public CrisisContactList contactList() {
        return new CrisisContactList(contactsFor(visitor()));
    }

    private List<CrisisContact> contactsFor(Visitor who) {
        UI ui = UI.getCurrent();
        Locale locale = ui == null ? SpiegelI18NProvider.DUTCH : ui.getLocale();
        return contacts.forOrganisation(who == null ? OrganisationId.DEFAULT : who.organisationId(), locale);
    }

    /** The help must open even when the visitor cannot be looked up (database down): then the default contacts. */
    private Visitor visitor() {
        try {
            return visitor.get();
        } catch (RuntimeException e) {
            log.warn("visitor not resolved for the crisis help; showing the default crisis contacts", e);
            return null;
        }
    }
}
