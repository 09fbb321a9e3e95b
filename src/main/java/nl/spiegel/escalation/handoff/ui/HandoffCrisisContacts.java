package nl.spiegel.escalation.handoff.ui;

import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

import nl.spiegel.escalation.ContactPurpose;
import nl.spiegel.escalation.CrisisContact;
import nl.spiegel.escalation.ui.CrisisContactList;

/**
 * The crisis contacts inside the handoff panel: while waiting as one short line (the suicide prevention line and the
 * emergency number of the organisation's contacts, by default 113 and 112), after a timeout or at the end as the
 * full list. Both are drawn by {@link CrisisContactList}.
 */
class HandoffCrisisContacts extends Div {

    HandoffCrisisContacts() {
        addClassName("sp-handoff-crisis");
    }

    /** One line: the person need not wait for us. */
    void showShort(List<CrisisContact> contacts) {
        removeAll();
        Div line = new Div();
        line.addClassName("sp-handoff-cannot-wait");
        Optional<CrisisContact> talk = first(contacts, ContactPurpose.SUICIDE_LINE)
                .or(() -> contacts.stream().findFirst());
        Optional<CrisisContact> emergency = first(contacts, ContactPurpose.EMERGENCY);
        talk.ifPresent(contact -> line.add(new Span(getTranslation("handoff.cannot-wait.before") + " "),
                CrisisContactList.links(contact)));
        emergency.filter(contact -> talk.filter(contact::equals).isEmpty()).ifPresent(contact -> line.add(
                new Span(". " + getTranslation("handoff.cannot-wait.danger") + " "), CrisisContactList.links(contact)));
        add(line);
    }

    void showFull(List<CrisisContact> contacts) {
        removeAll();
        add(new CrisisContactList(contacts));
    }

    private static Optional<CrisisContact> first(List<CrisisContact> contacts, ContactPurpose purpose) {
        return contacts.stream().filter(contact -> contact.purpose() == purpose && !contact.phones().isEmpty())
                .findFirst();
    }
}
