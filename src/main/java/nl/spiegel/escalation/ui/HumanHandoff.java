package nl.spiegel.escalation.ui;

import java.util.Optional;
import java.util.function.Consumer;

import com.vaadin.flow.component.Component;

import nl.spiegel.escalation.SafetyContext;
import nl.spiegel.identity.Visitor;
import nl.spiegel.organisation.OrganisationId;

/**
 * The way from the safety panel and the help dialog to a real person: the live handoff screens
 * ({@code escalation.handoff.ui}) implement it. A seam between two of escalation's own screens, so the panel can be
 * shown with a handoff that fails in tests; when starting fails the panel says honestly that nobody is available and
 * points to the crisis contacts.
 */
public interface HumanHandoff {

    /**
     * Starts looking for a person and returns what the panel shows meanwhile (waiting, then the live chat).
     *
     * @param onLive told true when the live conversation starts and false when it is over, so the panel can keep
     *               its questions out of sight meanwhile
     */
    Component start(SafetyContext context, Consumer<Boolean> onLive);

    /**
     * The request for a person that came from this dialogue (waiting, live, timed out or closed), to show again
     * after a reload or a restart of the application instead of starting the questions anew; empty when there is
     * none.
     */
    default Optional<Component> resume(SafetyContext context, Consumer<Boolean> onLive) {
        return Optional.empty();
    }

    /** Whether someone of the organisation is on duty right now, to offer "talk to a person" honestly. */
    default boolean someoneOnDuty(OrganisationId organisation) {
        return false;
    }

    /** A form to leave a way to be called back, for when nobody is on duty; empty when there is no such way. */
    default Optional<Component> callbackForm(Visitor visitor) {
        return Optional.empty();
    }
}
