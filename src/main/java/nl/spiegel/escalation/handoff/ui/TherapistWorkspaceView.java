package nl.spiegel.escalation.handoff.ui;

import java.time.Clock;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;

import nl.spiegel.escalation.handoff.Escalation;
import nl.spiegel.escalation.handoff.EscalationId;
import nl.spiegel.escalation.handoff.EscalationStatus;
import nl.spiegel.escalation.handoff.HandoffBroadcaster;
import nl.spiegel.escalation.handoff.HandoffEvent;
import nl.spiegel.escalation.handoff.HandoffService;
import nl.spiegel.escalation.handoff.HandoffAccessDeniedException;
import nl.spiegel.escalation.handoff.HandoffStateException;
import nl.spiegel.escalation.handoff.SharedAlerts;
import nl.spiegel.escalation.CrisisContacts;
import nl.spiegel.identity.CurrentStaff;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.shared.ui.StaffLayout;
import nl.spiegel.shared.ui.TabStorage;

/**
 * Where therapists go on duty, see requests to talk to a human appear live, take one and chat with the person.
 * Access: the THERAPIST role here and again in {@link HandoffService}, which also scopes everything to the
 * therapist's organisation.
 */
@Route(value = "therapist", layout = StaffLayout.class)
@RolesAllowed("THERAPIST")
public class TherapistWorkspaceView extends Div implements HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(TherapistWorkspaceView.class);

    private final HandoffService handoffs;
    private final HandoffBroadcaster broadcaster;
    private final SharedAlerts sharedAlerts;
    private final CrisisContacts crisisContacts;
    private final Clock clock;
    private final StaffMember me;

    private final Checkbox onDuty = new Checkbox();
    private final HandoffQueue queue = new HandoffQueue(this::accept);
    private final TherapistChat chat = new TherapistChat(this::send, this::closeConversation);
    private final Paragraph noChat = new Paragraph();
    private final CallbackList callbacks = new CallbackList(this::closeCallback);
    private final NewRequestAlert alert = new NewRequestAlert();

    /** Waiting times in the queue are recomputed this often; new requests themselves arrive by push at once. */
    private static final int QUEUE_REFRESH_MILLIS = 30_000;

    private HandoffBroadcaster.Subscription queueSubscription;
    private HandoffBroadcaster.Subscription chatSubscription;
    private Registration pollRegistration;
    /** The conversation whose shared words are on screen: read (and audited) once, not on every new message. */
    private EscalationId sharedShownFor;

    public TherapistWorkspaceView(HandoffService handoffs, HandoffBroadcaster broadcaster, CurrentStaff currentStaff,
                                  Clock clock, AuthenticationContext authentication, SharedAlerts sharedAlerts,
                                  CrisisContacts crisisContacts) {
        this.handoffs = handoffs;
        this.broadcaster = broadcaster;
        this.sharedAlerts = sharedAlerts;
        this.crisisContacts = crisisContacts;
        this.clock = clock;
        this.me = currentStaff.get().orElseThrow(() -> new IllegalStateException("no staff member logged in"));
        addClassName("sp-therapist");

        Button logout = new Button(getTranslation("therapist.logout"), click -> {
            handoffs.setOnDuty(me.userId(), false);
            TabStorage.forgetAll(UI.getCurrent());
            authentication.logout();
        });
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Div top = new Div(new H1(getTranslation("therapist.title")), logout);
        top.addClassName("sp-therapist-top");
        Paragraph who = new Paragraph(getTranslation("therapist.signed-in-as", me.displayName()));
        who.addClassName("sp-note");

        onDuty.setLabel(getTranslation("therapist.on-duty"));
        onDuty.setHelperText(getTranslation("therapist.on-duty.helper"));
        onDuty.setId("on-duty");
        onDuty.setValue(handoffs.isOnDuty(me.userId()));
        onDuty.addValueChangeListener(event -> {
            handoffs.setOnDuty(me.userId(), event.getValue());
            refreshQueue();
        });

        noChat.setText(getTranslation("therapist.chat.none"));
        noChat.addClassName("sp-note");
        noChat.setId("therapist-no-chat");

        add(top, who, onDuty, alert,
                section("therapist.queue.title", queue),
                section("therapist.chat.heading", noChat, chat),
                section("therapist.callbacks.title", callbacks));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("therapist.title") + " · " + getTranslation("app.name");
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        queueSubscription = broadcaster.forTherapist(me, LiveUpdates.in(ui, this::onQueueEvent));
        ui.setPollInterval(QUEUE_REFRESH_MILLIS);
        pollRegistration = ui.addPollListener(poll -> refreshQueue());
        refreshQueue();
        refreshCallbacks();
        List<Escalation> mine = handoffs.myConversations(me.userId());
        if (mine.isEmpty()) {
            showChat(null);
        } else {
            showChat(mine.getFirst());
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        // the tab closed, the session ended or the therapist went elsewhere: nobody is watching the queue here
        handoffs.endDuty(me.userId());
        cancel(queueSubscription);
        cancel(chatSubscription);
        queueSubscription = null;
        chatSubscription = null;
        if (pollRegistration != null) {
            pollRegistration.remove();
            pollRegistration = null;
            detachEvent.getUI().setPollInterval(-1);
        }
        super.onDetach(detachEvent);
    }

    private void onQueueEvent(HandoffEvent event) {
        refreshQueue();
        if (event instanceof HandoffEvent.Requested requested) {
            alert.arrived(requested.level(), requested.requestedAt());
        }
        if (event instanceof HandoffEvent.ContactLeft || event instanceof HandoffEvent.TimedOut
                || event instanceof HandoffEvent.Closed) {
            refreshCallbacks();
        }
    }

    private void refreshQueue() {
        try {
            List<Escalation> waiting = handoffs.openRequests(me.userId());
            queue.show(waiting, handoffs.isOnDuty(me.userId()), clock.instant());
            alert.waiting(waiting.size());
        } catch (DataAccessException e) {
            log.warn("queue of therapist {} could not be read", me.userId(), e);
        }
    }

    private void refreshCallbacks() {
        try {
            callbacks.show(handoffs.callbacks(me.userId()), clock.instant());
        } catch (DataAccessException e) {
            log.warn("callbacks of therapist {} could not be read", me.userId(), e);
        }
    }

    private void accept(EscalationId id) {
        try {
            showChat(handoffs.accept(me.userId(), id));
            chat.focusReply();
        } catch (HandoffStateException e) {
            Notification.show(getTranslation(e.status() == EscalationStatus.TIMED_OUT
                    ? "therapist.accept.timed-out" : "therapist.accept.taken"), 6000, Notification.Position.MIDDLE);
        }
        refreshQueue();
    }

    private void showChat(Escalation escalation) {
        cancel(chatSubscription);
        chatSubscription = null;
        boolean live = escalation != null && escalation.status() == EscalationStatus.ACCEPTED;
        chat.setVisible(live);
        noChat.setVisible(!live);
        if (!live) {
            return;
        }
        chat.show(escalation, handoffs.conversation(me.userId(), escalation.id()));
        showShared(escalation);
        getUI().ifPresent(ui -> chatSubscription = broadcaster.forEscalation(escalation.id(),
                LiveUpdates.in(ui, event -> refreshChat())));
    }

    private void refreshChat() {
        Escalation current = chat.escalation();
        if (current == null || !chat.isVisible()) {
            return;
        }
        try {
            Escalation fresh = handoffs.escalation(me.userId(), current.id());
            if (fresh.status() == EscalationStatus.ACCEPTED) {
                chat.show(fresh, handoffs.conversation(me.userId(), fresh.id()));
                showShared(fresh);
            } else {
                showChat(null);
            }
        } catch (HandoffAccessDeniedException | java.util.NoSuchElementException gone) {
            // the person deleted their data during the conversation: nothing of it may be shown any more
            Notification.show(getTranslation("therapist.chat.gone"), 8000, Notification.Position.MIDDLE);
            showChat(null);
        }
    }

    /** What the person chose to share, read only while they agree: taking it back hides it at once. */
    private void showShared(Escalation escalation) {
        if (!escalation.sharesAlert()) {
            sharedShownFor = null;
            chat.showShared(null);
            return;
        }
        if (escalation.id().equals(sharedShownFor)) {
            return;
        }
        try {
            chat.showShared(sharedAlerts.read(me.userId(), escalation.id()));
            sharedShownFor = escalation.id();
        } catch (HandoffAccessDeniedException e) {
            sharedShownFor = null;
            chat.showShared(null);
        }
    }

    private void send(String text) {
        try {
            handoffs.sendFromTherapist(me.userId(), chat.escalation().id(), text);
            chat.sent();
            refreshChat();
        } catch (HandoffStateException e) {
            refreshChat();
        } catch (IllegalArgumentException | DataAccessException e) {
            chat.notSent();
        }
    }

    private void closeConversation(Escalation escalation, String note) {
        try {
            handoffs.close(me.userId(), escalation.id(), note, ClosingWords.text(this,
                    crisisContacts.forOrganisation(escalation.organisationId(), getLocale())));
            Notification.show(getTranslation("therapist.closed"), 4000, Notification.Position.BOTTOM_CENTER);
        } catch (HandoffStateException e) {
            Notification.show(getTranslation("therapist.close.failed"), 6000, Notification.Position.MIDDLE);
        }
        List<Escalation> mine = handoffs.myConversations(me.userId());
        showChat(mine.isEmpty() ? null : mine.getFirst());
    }

    private void closeCallback(EscalationId id, String note) {
        try {
            handoffs.close(me.userId(), id, note);
            Notification.show(getTranslation("therapist.closed"), 4000, Notification.Position.BOTTOM_CENTER);
        } catch (HandoffStateException e) {
            Notification.show(getTranslation("therapist.close.failed"), 6000, Notification.Position.MIDDLE);
        }
        refreshCallbacks();
    }

    private Section section(String titleKey, Component... content) {
        Section section = new Section(new H2(getTranslation(titleKey)));
        section.add(content);
        section.addClassName("sp-therapist-section");
        return section;
    }

    private static void cancel(HandoffBroadcaster.Subscription subscription) {
        if (subscription != null) {
            subscription.cancel();
        }
    }
}
