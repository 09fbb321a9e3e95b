package nl.spiegel.review;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import nl.spiegel.identity.UserId;

/**
 * Passes {@link ShareChanged} to the therapist's screens that are open right now, after the change committed.
 * Screens register when they attach and cancel when they detach; a Vaadin listener runs its update in
 * {@code ui.access(...)}. In memory, per node.
 */
@Component
public class ReviewBroadcaster {

    /** Stops a listener; call it when the screen detaches. */
    @FunctionalInterface
    public interface Subscription {
        void cancel();
    }

    private static final Logger log = LoggerFactory.getLogger(ReviewBroadcaster.class);

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    /** Every share made with or stopped for this therapist. */
    public Subscription forTherapist(UserId therapist, Consumer<ShareChanged> consumer) {
        Listener listener = new Listener(Objects.requireNonNull(therapist), consumer);
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void deliver(ShareChanged event) {
        for (Listener listener : listeners) {
            if (listener.therapist().equals(event.therapist())) {
                try {
                    listener.consumer().accept(event);
                } catch (RuntimeException e) {
                    // one closed or broken screen must not keep the others from hearing about it
                    log.warn("review listener failed on share {}", event.share(), e);
                }
            }
        }
    }

    /** A class, not a record: identity equality, as the same screen may register twice and cancel once. */
    private static final class Listener {

        private final UserId therapist;
        private final Consumer<ShareChanged> consumer;

        Listener(UserId therapist, Consumer<ShareChanged> consumer) {
            this.therapist = therapist;
            this.consumer = consumer;
        }

        UserId therapist() {
            return therapist;
        }

        Consumer<ShareChanged> consumer() {
            return consumer;
        }
    }
}
