package nl.spiegel.escalation.handoff.ui;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;

import nl.spiegel.escalation.handoff.Escalation;
import nl.spiegel.escalation.handoff.EscalationId;

/** The requests waiting for a therapist, oldest first: risk level, rule ids (why), waiting time and accept. */
class HandoffQueue extends Div {

    private final Consumer<EscalationId> onAccept;
    private final UnorderedList list = new UnorderedList();
    private final Paragraph empty = new Paragraph();

    HandoffQueue(Consumer<EscalationId> onAccept) {
        this.onAccept = onAccept;
        setId("handoff-queue");
        addClassName("sp-therapist-queue");
        getElement().setAttribute("aria-live", "polite");
        list.addClassName("sp-card-list");
        empty.addClassName("sp-note");
        add(empty, list);
    }

    void show(List<Escalation> requests, boolean onDuty, Instant now) {
        list.removeAll();
        empty.setText(getTranslation(onDuty ? "therapist.queue.empty" : "therapist.queue.off-duty"));
        empty.setVisible(requests.isEmpty());
        // someone is waiting: the whole queue stands out, not only a line in it
        getElement().getClassList().set("sp-therapist-queue-waiting", !requests.isEmpty());
        for (Escalation request : requests) {
            Button accept = new Button(getTranslation("therapist.accept"), click -> onAccept.accept(request.id()));
            accept.addClassName("handoff-accept");
            accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            accept.setDisableOnClick(true);
            accept.getElement().setAttribute("aria-label", getTranslation("therapist.accept.label",
                    HandoffMessageList.TIME.format(request.requestedAt())));
            Div meta = new Div(RiskLabels.level(this, request.level()), RiskLabels.waiting(this,
                    request.requestedAt(), now));
            meta.addClassName("sp-card-meta");
            ListItem item = new ListItem(meta, RiskLabels.rules(this, request.ruleIds()), accept);
            item.addClassNames("sp-card", "sp-therapist-request");
            item.getElement().setAttribute("data-escalation", request.id().toString());
            list.add(item);
        }
    }
}
