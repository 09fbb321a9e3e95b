package nl.spiegel.escalation.handoff.ui;

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
 * The crisis contacts inside the handoff panel: while waiting as one short line (113, 0800-0113, 112), after a
 * timeout or at the end as the full list. Every number is a tap-to-call link that reads as plain text.
 */
class HandoffCrisisContacts extends Div {

    HandoffCrisisContacts() {
        addClassName("sp-handoff-crisis");
    }

    /** One line: the person need not wait for us. */
    void showShort() {
        removeAll();
        Paragraph line = new Paragraph();
        line.addClassName("sp-handoff-cannot-wait");
        line.add(new Span(getTranslation("handoff.cannot-wait.before") + " "), call("113", "113"),
                new Span(" " + getTranslation("handoff.cannot-wait.free") + " "), call("0800-0113", "0800-0113"),
                new Span(". " + getTranslation("handoff.cannot-wait.danger") + " "), call("112", "112"),
                new Span("."));
        add(line);
    }

    void showFull(List<CrisisContact> contacts) {
        removeAll();
        UnorderedList list = new UnorderedList();
        list.addClassName("sp-crisis-contacts");
        for (CrisisContact contact : contacts) {
            ListItem item = new ListItem(new H3(contact.name()));
            if (!contact.description().isBlank()) {
                item.add(new Paragraph(contact.description()));
            }
            Div links = new Div();
            links.addClassName("sp-crisis-links");
            for (String phone : contact.phones()) {
                links.add(call(phone, phone), new Span(" "));
            }
            contact.webAddress().ifPresent(address -> {
                Anchor web = new Anchor(address, contact.webAddressText().orElse(address));
                web.setTarget("_blank");
                web.getElement().setAttribute("rel", "noopener noreferrer");
                web.addClassName("sp-call-link");
                links.add(web);
            });
            if (links.getChildren().findAny().isPresent()) {
                item.add(links);
            }
            list.add(item);
        }
        add(list);
    }

    private static Anchor call(String phone, String text) {
        Anchor anchor = new Anchor(CrisisContact.telHref(phone), text);
        anchor.addClassName("sp-call-link");
        return anchor;
    }
}
