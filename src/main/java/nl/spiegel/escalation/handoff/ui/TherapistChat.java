package nl.spiegel.escalation.handoff.ui;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import nl.spiegel.escalation.handoff.Author;
import nl.spiegel.escalation.handoff.Escalation;
import nl.spiegel.escalation.handoff.HandoffMessage;
import nl.spiegel.escalation.handoff.SharedAlert;

/**
 * The therapist's side of one live conversation: why it was raised (risk level and rule ids), the messages, a reply
 * field and closing with an outcome note.
 */
class TherapistChat extends Div {

    private final H2 heading = new H2();
    private final Div facts = new Div();
    private final SharedAlertView shared = new SharedAlertView();
    private final HandoffMessageList messages;
    private final TextField reply = new TextField();
    private final TextArea outcome = new TextArea();
    private Escalation escalation;

    TherapistChat(Consumer<String> onSend, BiConsumer<Escalation, String> onClose) {
        setId("therapist-chat");
        addClassNames("sp-therapist-chat", "sp-card");
        messages = new HandoffMessageList("therapist-log", Author.THERAPIST, getTranslation("therapist.chat.person"));
        facts.addClassName("sp-card-meta");

        reply.setLabel(getTranslation("therapist.chat.reply"));
        reply.setId("therapist-message");
        reply.setWidthFull();
        reply.addKeyPressListener(Key.ENTER, event -> send(onSend));
        Button send = new Button(getTranslation("handoff.send"), click -> send(onSend));
        send.setId("therapist-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div composer = new Div(reply, send);
        composer.addClassName("sp-handoff-composer");

        outcome.setLabel(getTranslation("therapist.close.note"));
        outcome.setHelperText(getTranslation("therapist.close.helper"));
        outcome.setId("handoff-outcome");
        outcome.setWidthFull();
        outcome.setMaxLength(4000);
        Button close = new Button(getTranslation("therapist.close"), click -> {
            if (outcome.getValue().isBlank()) {
                outcome.setInvalid(true);
                outcome.setErrorMessage(getTranslation("therapist.close.note-needed"));
            } else {
                confirmClose(onClose);
            }
        });
        close.setId("handoff-close");
        close.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Div closing = new Div(outcome, close);
        closing.addClassName("sp-therapist-closing");

        add(heading, facts, new Paragraph(getTranslation("therapist.chat.privacy")), shared, messages, composer,
                closing);
    }

    void show(Escalation escalation, List<HandoffMessage> conversation) {
        if (this.escalation == null || !this.escalation.id().equals(escalation.id())) {
            messages.clear();
            outcome.clear();
            outcome.setInvalid(false);
            reply.clear();
        }
        this.escalation = escalation;
        heading.setText(getTranslation("therapist.chat.title",
                HandoffMessageList.TIME.format(escalation.acceptedAt())));
        facts.removeAll();
        facts.add(RiskLabels.level(this, escalation.level()), RiskLabels.rules(this, escalation.ruleIds()));
        messages.show(conversation);
    }

    /** Closing cannot be undone and ends the person's chat: ask first, and say what the person will see. */
    private void confirmClose(BiConsumer<Escalation, String> onClose) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("handoff-close-dialog");
        confirm.setHeader(getTranslation("therapist.close.confirm.title"));
        confirm.setText(getTranslation("therapist.close.confirm.text"));
        Button yes = new Button(getTranslation("therapist.close.confirm.yes"));
        yes.setId("handoff-close-confirm");
        yes.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        Escalation closing = escalation;
        yes.addClickListener(click -> {
            confirm.close();
            onClose.accept(closing, outcome.getValue());
        });
        confirm.setConfirmButton(yes);
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("therapist.close.confirm.no"));
        confirm.open();
    }

    /** @param alert what the person shares, or null when they chose not to */
    void showShared(SharedAlert alert) {
        shared.show(alert);
    }

    Escalation escalation() {
        return escalation;
    }

    void sent() {
        reply.clear();
        reply.setInvalid(false);
        reply.focus();
    }

    void notSent() {
        reply.setInvalid(true);
        reply.setErrorMessage(getTranslation("handoff.message.not-sent"));
    }

    void focusReply() {
        reply.focus();
    }

    private void send(Consumer<String> onSend) {
        if (reply.getValue().isBlank()) {
            reply.setInvalid(true);
            reply.setErrorMessage(getTranslation("handoff.message.empty"));
            return;
        }
        onSend.accept(reply.getValue());
    }
}
