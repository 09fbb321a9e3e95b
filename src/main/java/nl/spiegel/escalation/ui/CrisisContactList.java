package nl.spiegel.escalation.ui;

import java.util.List;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

import nl.spiegel.escalation.CrisisContact;

/**
 * Crisis contacts as a list: name, what they are for, every number as a tap-to-call link that also reads as plain
 * text, and the web address. The one way Spiegel shows crisis contacts: in the safety panel, the help dialog, the
 * live handoff and the page shown while the database is away; fed by {@link nl.spiegel.escalation.CrisisContacts}.
 */
public class CrisisContactList extends UnorderedList {

    public CrisisContactList(List<CrisisContact> contacts) {
        addClassName("sp-crisis-contacts");
        for (CrisisContact contact : contacts) {
            ListItem item = new ListItem(new H3(contact.name()));
            if (!contact.description().isBlank()) {
                item.add(new Paragraph(contact.description()));
            }
            Div links = links(contact);
            if (links.getChildren().findAny().isPresent()) {
                item.add(links);
            }
            add(item);
        }
    }

    /** The numbers and web address of one contact, for the list and for a one-line mention. */
    public static Div links(CrisisContact contact) {
        Div row = new Div();
        row.addClassName("sp-crisis-links");
        for (String phone : contact.phones()) {
            Anchor call = new Anchor(CrisisContact.telHref(phone), phone);
            call.addClassName("sp-call-link");
            call.getElement().setAttribute("aria-label",
                    row.getTranslation("escalation.contacts.call", phone));
            row.add(call, new Span(" "));
        }
        contact.webAddress().ifPresent(address -> {
            Anchor web = new Anchor(address, contact.webAddressText().orElse(address));
            web.setTarget("_blank");
            web.getElement().setAttribute("rel", "noopener noreferrer");
            web.addClassName("sp-call-link");
            row.add(web);
        });
        return row;
    }
}
