package nl.spiegel.escalation.handoff.ui;

import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextArea;

import nl.spiegel.escalation.handoff.CallbackRequest;
import nl.spiegel.escalation.handoff.EscalationId;

/**
 * People nobody could reach in time who left a way to be contacted. Stays until a therapist records how it was
 * followed up.
 */
class CallbackList extends Div {

    private final BiConsumer<EscalationId, String> onDone;
    private final UnorderedList list = new UnorderedList();
    private final Paragraph empty = new Paragraph();

    CallbackList(BiConsumer<EscalationId, String> onDone) {
        this.onDone = onDone;
        setId("handoff-callbacks");
        addClassName("sp-therapist-callbacks");
        list.addClassName("sp-card-list");
        empty.addClassName("sp-note");
        empty.setText(getTranslation("therapist.callbacks.empty"));
        add(empty, list);
    }

    void show(List<CallbackRequest> callbacks, Instant now) {
        list.removeAll();
        empty.setVisible(callbacks.isEmpty());
        for (CallbackRequest callback : callbacks) {
            Paragraph contact = new Paragraph(callback.contact());
            contact.addClassName("sp-therapist-contact");
            TextArea note = new TextArea(getTranslation("therapist.close.note"));
            note.setWidthFull();
            note.setMaxLength(4000);
            note.addClassName("sp-therapist-callback-note");
            Button done = new Button(getTranslation("therapist.callbacks.done"), click -> {
                if (note.getValue().isBlank()) {
                    note.setInvalid(true);
                    note.setErrorMessage(getTranslation("therapist.close.note-needed"));
                } else {
                    onDone.accept(callback.escalation().id(), note.getValue());
                }
            });
            done.addClassName("sp-therapist-callback-done");
            Div meta = new Div(RiskLabels.level(this, callback.escalation().level()),
                    RiskLabels.waiting(this, callback.escalation().requestedAt(), now));
            meta.addClassName("sp-card-meta");
            ListItem item = new ListItem(meta, RiskLabels.rules(this, callback.escalation().ruleIds()),
                    new Paragraph(getTranslation("therapist.callbacks.contact")), contact, note, done);
            item.addClassNames("sp-card", "sp-therapist-callback");
            list.add(item);
        }
    }
}
