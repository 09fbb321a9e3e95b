package nl.spiegel.escalation;

import com.vaadin.flow.component.Component;

import nl.spiegel.dialogue.ChatSafetyPanel;

/**
 * The way from the safety panel to a real person. Optional: when no bean implements it, the panel says honestly
 * that nobody is available right now and points to the crisis contacts.
 */
public interface HumanHandoff {

    /**
     * Starts looking for a person and returns what the panel shows meanwhile (waiting, then the live chat).
     *
     * @param onLive told true when the live conversation starts and false when it is over, so the panel can keep
     *               its questions out of sight meanwhile
     */
    Component start(ChatSafetyPanel.SafetyContext context, java.util.function.Consumer<Boolean> onLive);

    /**
     * The request for a person that came from this dialogue (waiting, live, timed out or closed), to show again
     * after a reload or a restart of the application instead of starting the questions anew; empty when there is
     * none.
     */
    default java.util.Optional<Component> resume(ChatSafetyPanel.SafetyContext context,
                                                 java.util.function.Consumer<Boolean> onLive) {
        return java.util.Optional.empty();
    }

    /** Whether someone of the organisation is on duty right now, to offer "talk to a person" honestly. */
    default boolean someoneOnDuty(nl.spiegel.organisation.OrganisationId organisation) {
        return false;
    }

    /** A form to leave a way to be called back, for when nobody is on duty; empty when there is no such way. */
    default java.util.Optional<Component> callbackForm(nl.spiegel.identity.Visitor visitor) {
        return java.util.Optional.empty();
    }
}
