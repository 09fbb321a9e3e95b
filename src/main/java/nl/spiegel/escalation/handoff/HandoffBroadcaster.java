package nl.spiegel.escalation.handoff;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.UserId;
import nl.spiegel.organisation.OrganisationId;

/**
 * Passes {@link HandoffEvent}s to the screens that are open right now, after the change committed. Screens register
 * a listener when they attach and cancel it when they detach; a Vaadin listener runs its update in
 * {@code ui.access(...)}, so delivery never blocks on another person's session.
 *
 * <p>Who hears what: a request only reaches therapists of the same organisation who are on duty; accepted, timed
 * out, closed and contact-left reach every therapist screen of the organisation (their queues change); everything
 * about one escalation reaches the screens following that escalation (the person's panel, the therapist's chat).
 *
 * <p>This reaches the screens of this node; {@link HandoffRelay} brings the events of the other nodes here.
 */
@Component
public class HandoffBroadcaster {

    /** Stops a listener; call it when the screen detaches. */
    @FunctionalInterface
    public interface Subscription {
        void cancel();
    }

    private static final Logger log = LoggerFactory.getLogger(HandoffBroadcaster.class);

    private final OnDutyRegistry onDuty;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    HandoffBroadcaster(OnDutyRegistry onDuty) {
        this.onDuty = onDuty;
    }

    /** Everything that happens to one escalation. */
    public Subscription forEscalation(EscalationId escalation, Consumer<HandoffEvent> consumer) {
        return add(new Listener(Objects.requireNonNull(escalation), null, null, consumer));
    }

    /** New requests while on duty, and changes to the organisation's queue. */
    public Subscription forTherapist(StaffMember therapist, Consumer<HandoffEvent> consumer) {
        return add(new Listener(null, therapist.userId(), therapist.organisationId(), consumer));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void deliver(HandoffEvent event) {
        for (Listener listener : listeners) {
            if (listener.wants(event, onDuty)) {
                try {
                    listener.consumer().accept(event);
                } catch (RuntimeException e) {
                    // one closed or broken screen must not keep the others from hearing about a crisis
                    log.warn("handoff listener failed for {} on escalation {}", event.getClass().getSimpleName(),
                            event.escalationId(), e);
                }
            }
        }
    }

    /** Therapists with a workspace open on this node: this node confirms their on-duty status. */
    Set<UserId> therapistsHere() {
        Set<UserId> here = new HashSet<>();
        for (Listener listener : listeners) {
            if (listener.therapist() != null) {
                here.add(listener.therapist());
            }
        }
        return here;
    }

    int listenerCount() {
        return listeners.size();
    }

    private Subscription add(Listener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private record Listener(EscalationId escalation, UserId therapist, OrganisationId organisation,
                            Consumer<HandoffEvent> consumer) {

        boolean wants(HandoffEvent event, OnDutyRegistry onDuty) {
            if (escalation != null) {
                return escalation.equals(event.escalationId());
            }
            if (!organisation.equals(event.organisationId())) {
                return false;
            }
            return switch (event) {
                case HandoffEvent.Requested requested -> onDuty.isOnDuty(therapist, organisation);
                case HandoffEvent.MessagePosted posted -> false;
                case HandoffEvent.DutyChanged changed -> false;
                default -> true;
            };
        }

        // identity, not value equality: the same screen may register twice and cancel once
        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}
