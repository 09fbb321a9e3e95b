package nl.spiegel.escalation.handoff.ui;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouterLink;

import nl.spiegel.shared.LogSafe;
import nl.spiegel.escalation.CrisisContacts;
import nl.spiegel.escalation.SafetyContext;
import nl.spiegel.escalation.handoff.Author;
import nl.spiegel.escalation.handoff.Escalation;
import nl.spiegel.escalation.handoff.HandoffBroadcaster;
import nl.spiegel.escalation.handoff.HandoffEvent;
import nl.spiegel.escalation.handoff.HandoffRateLimitedException;
import nl.spiegel.escalation.handoff.HandoffService;
import nl.spiegel.escalation.handoff.HandoffStateException;
import nl.spiegel.escalation.handoff.EscalationStatus;
import nl.spiegel.escalation.handoff.SharedAlerts;
import nl.spiegel.escalation.ui.SafetyPlanView;

/**
 * The person's side of the live handoff: honest about waiting, then the live chat with the therapist who accepted;
 * when nobody could be found in time it says so, shows the crisis contacts again and offers to leave a way to be
 * contacted. Updates arrive by push; nothing needs a reload.
 */
class HandoffPanel extends Div {

    private static final Logger log = LoggerFactory.getLogger(HandoffPanel.class);

    private final HandoffService handoffs;
    private final SharedAlerts sharing;
    private final HandoffBroadcaster broadcaster;
    private final CrisisContacts crisisContacts;
    private final SafetyContext context;
    private final java.util.function.Consumer<Boolean> onLive;

    private final H2 title = new H2();
    private final Paragraph text = new Paragraph();
    private final Paragraph nobodyOnline = new Paragraph();
    private final HandoffCrisisContacts crisis = new HandoffCrisisContacts();
    private final HandoffMessageList messages;
    private final TextField message = new TextField();
    private final Button send = new Button();
    private final Div composer = new Div();
    private final ContactRequestForm contactForm = new ContactRequestForm(this::leaveContact);
    private final Button retry = new Button();
    private final ShareChoice share = new ShareChoice(this::chooseSharing);

    private Escalation escalation;
    private HandoffBroadcaster.Subscription subscription;
    private String shownState = "";
    /** The last request was refused because of too many requests in a short time. */
    private boolean limited;

    /**
     * @param existing the person's earlier request from this dialogue to show again (after a reload), or null to
     *                 ask for a person now
     */
    HandoffPanel(HandoffService handoffs, SharedAlerts sharing, HandoffBroadcaster broadcaster,
                 CrisisContacts crisisContacts, SafetyContext context, java.util.function.Consumer<Boolean> onLive,
                 Escalation existing) {
        this.onLive = onLive;
        this.handoffs = handoffs;
        this.sharing = sharing;
        this.broadcaster = broadcaster;
        this.crisisContacts = crisisContacts;
        this.context = context;
        this.messages = new HandoffMessageList("handoff-log", Author.PERSON, "");
        setId("handoff-panel");
        addClassName("sp-handoff");

        title.setId("handoff-status");
        text.setId("handoff-explanation");
        nobodyOnline.setId("handoff-nobody-online");
        nobodyOnline.addClassName("sp-handoff-honest");
        Div state = new Div(title, text, nobodyOnline);
        state.addClassName("sp-handoff-state");
        state.getElement().setAttribute("role", "status");
        state.getElement().setAttribute("aria-live", "polite");

        buildComposer();
        retry.setText(getTranslation("handoff.retry"));
        retry.setId("handoff-retry");
        retry.addClickListener(click -> {
            requestNow();
            subscribe();
        });

        add(state, share, crisis, messages, composer, contactForm, retry);
        if (existing == null) {
            requestNow();
        } else {
            escalation = existing;
            refresh();
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        subscribe();
        // anything that happened between the request and the attach is not missed
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        unsubscribe();
        super.onDetach(detachEvent);
    }

    private void requestNow() {
        limited = false;
        try {
            escalation = handoffs.request(context.visitor(), context.session(), context.level(), context.ruleIds(),
                    share.getValue());
            messages.clear();
        } catch (HandoffRateLimitedException e) {
            // a flood of requests, or somebody pressing again and again: the crisis lines are there in any case
            escalation = null;
            limited = true;
        } catch (DataAccessException e) {
            log.warn("handoff request for session {} could not be stored: {}", context.session(), LogSafe.describe(e));
            escalation = null;
        }
        render();
    }

    private void subscribe() {
        unsubscribe();
        getUI().ifPresent(ui -> {
            if (escalation != null) {
                subscription = broadcaster.forEscalation(escalation.id(), LiveUpdates.in(ui, this::onEvent));
            }
        });
    }

    private void unsubscribe() {
        if (subscription != null) {
            subscription.cancel();
            subscription = null;
        }
    }

    private void onEvent(HandoffEvent event) {
        if (escalation != null && event.escalationId().equals(escalation.id())) {
            refresh();
        }
    }

    private void refresh() {
        if (escalation == null) {
            return;
        }
        try {
            escalation = handoffs.escalation(context.visitor(), escalation.id());
            messages.setOtherName(escalation.acceptedByName() == null ? "" : escalation.acceptedByName());
            messages.show(handoffs.conversation(context.visitor(), escalation.id()));
        } catch (DataAccessException e) {
            log.warn("handoff {} could not be read: {}", escalation.id(), LogSafe.describe(e));
        }
        render();
    }

    private void render() {
        String state = escalation == null ? "FAILED" : escalation.status().name();
        boolean changed = !state.equals(shownState);
        shownState = state;
        if (changed) {
            // during the live chat and after it the questions stay out of sight: the conversation replaced them
            onLive.accept("ACCEPTED".equals(state) || "CLOSED".equals(state));
        }
        nobodyOnline.setVisible(false);
        composer.setVisible(false);
        contactForm.setVisible(false);
        retry.setVisible(false);
        messages.setVisible(!messages.isEmpty());
        // there is only something to share when the request came from a message in a dialogue
        boolean open = escalation != null && (escalation.status() == EscalationStatus.REQUESTED
                || escalation.status() == EscalationStatus.ACCEPTED);
        share.setVisible(open && context.session() != null);
        if (open) {
            share.show(escalation.sharesAlert());
        }
        if (escalation == null) {
            title.setText(getTranslation(limited ? "handoff.limited.title" : "handoff.failed.title"));
            text.setText(getTranslation(limited ? "handoff.limited.text" : "handoff.failed.text"));
            crisis.showFull(crisisContacts.defaults(getLocale()));
            retry.setVisible(!limited);
            return;
        }
        switch (escalation.status()) {
            case REQUESTED -> {
                title.setText(getTranslation("handoff.waiting.title"));
                text.setText(getTranslation("handoff.waiting.text", minutes(handoffs.settings().acceptTimeout())));
                if (handoffs.therapistsOnDuty(escalation.organisationId()) == 0) {
                    nobodyOnline.setText(getTranslation("handoff.waiting.nobody-online"));
                    nobodyOnline.setVisible(true);
                }
                if (changed) {
                    crisis.showShort(crisisContacts.forOrganisation(escalation.organisationId(), getLocale()));
                }
            }
            case ACCEPTED -> {
                title.setText(getTranslation("handoff.accepted.title", escalation.acceptedByName()));
                text.setText(getTranslation("handoff.accepted.text"));
                messages.setVisible(true);
                composer.setVisible(true);
                if (changed) {
                    crisis.showShort(crisisContacts.forOrganisation(escalation.organisationId(), getLocale()));
                    message.focus();
                }
            }
            case TIMED_OUT -> {
                title.setText(getTranslation("handoff.timeout.title"));
                text.setText(getTranslation("handoff.timeout.text"));
                contactForm.setVisible(true);
                contactForm.show(escalation.contactLeft());
                retry.setVisible(true);
                if (changed) {
                    crisis.showFull(crisisContacts.forOrganisation(escalation.organisationId(), getLocale()));
                }
            }
            case CLOSED -> {
                title.setText(getTranslation("handoff.closed.title"));
                text.setText(getTranslation("handoff.closed.text"));
                if (changed) {
                    crisis.showFull(crisisContacts.forOrganisation(escalation.organisationId(), getLocale()));
                    RouterLink plan = new RouterLink(getTranslation("escalation.safety-plan.link"),
                            SafetyPlanView.class);
                    plan.setId("handoff-safety-plan");
                    crisis.add(new Paragraph(plan));
                }
            }
        }
    }

    private void buildComposer() {
        message.setLabel(getTranslation("handoff.message.label"));
        message.setId("handoff-message");
        message.setMaxLength(handoffs.settings().maxMessageLength());
        message.setWidthFull();
        message.addKeyPressListener(Key.ENTER, event -> sendMessage());
        send.setText(getTranslation("handoff.send"));
        send.setId("handoff-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(click -> sendMessage());
        composer.add(message, send);
        composer.addClassName("sp-handoff-composer");
    }

    private void sendMessage() {
        if (escalation == null || message.getValue().isBlank()) {
            message.setInvalid(true);
            message.setErrorMessage(getTranslation("handoff.message.empty"));
            return;
        }
        try {
            handoffs.sendFromPerson(context.visitor(), escalation.id(), message.getValue());
            message.clear();
            message.setInvalid(false);
            message.focus();
            refresh();
        } catch (HandoffStateException e) {
            refresh();
        } catch (IllegalArgumentException | DataAccessException e) {
            // the words stay in the field so nothing is lost
            message.setInvalid(true);
            message.setErrorMessage(getTranslation("handoff.message.not-sent"));
        }
    }

    private void chooseSharing(boolean yes) {
        if (escalation == null || escalation.sharesAlert() == yes) {
            return;
        }
        try {
            escalation = sharing.choose(context.visitor(), escalation.id(), yes);
        } catch (HandoffStateException | DataAccessException e) {
            // closed meanwhile, or not stored: show what is stored
            refresh();
        }
    }

    private boolean leaveContact(String text) {
        try {
            handoffs.leaveContact(context.visitor(), escalation.id(), text);
        } catch (HandoffStateException e) {
            // closed meanwhile: the panel shows the new state
        } catch (IllegalArgumentException | DataAccessException e) {
            return false;
        }
        refresh();
        return true;
    }

    private static long minutes(Duration timeout) {
        return Math.max(1, (timeout.toSeconds() + 59) / 60);
    }
}
