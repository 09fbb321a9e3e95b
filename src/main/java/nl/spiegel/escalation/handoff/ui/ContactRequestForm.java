package nl.spiegel.escalation.handoff.ui;

import java.util.function.Predicate;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;

/**
 * After nobody could be found in time: an optional way to leave how the team can reach the person later. Says
 * plainly that it may take a while, so nobody waits for it in a crisis.
 */
class ContactRequestForm extends Div {

    static final int MAX_LENGTH = 500;

    private final TextArea contact = new TextArea();
    private final Button send = new Button();
    private final Paragraph done = new Paragraph();

    /** @param leave stores the text; false when it could not be stored (the text then stays in the field) */
    ContactRequestForm(Predicate<String> leave) {
        addClassName("sp-handoff-contact");
        Paragraph intro = new Paragraph(getTranslation("handoff.contact.intro"));
        contact.setLabel(getTranslation("handoff.contact.label"));
        contact.setHelperText(getTranslation("handoff.contact.helper"));
        contact.setId("handoff-contact");
        contact.setMaxLength(MAX_LENGTH);
        contact.setWidthFull();
        send.setText(getTranslation("handoff.contact.send"));
        send.setId("handoff-contact-send");
        send.addClickListener(click -> {
            if (contact.getValue().isBlank()) {
                contact.setInvalid(true);
                contact.setErrorMessage(getTranslation("handoff.contact.empty"));
            } else if (leave.test(contact.getValue())) {
                contact.setInvalid(false);
            } else {
                contact.setInvalid(true);
                contact.setErrorMessage(getTranslation("handoff.contact.not-sent"));
            }
        });
        done.setText(getTranslation("handoff.contact.done"));
        done.setId("handoff-contact-done");
        done.getElement().setAttribute("role", "status");
        add(intro, contact, send, done);
    }

    void show(boolean alreadyLeft) {
        contact.setVisible(!alreadyLeft);
        send.setVisible(!alreadyLeft);
        done.setVisible(alreadyLeft);
    }
}
