package nl.spiegel.escalation;

import com.vaadin.flow.component.Component;

import nl.spiegel.dialogue.ChatSafetyPanel;

/**
 * The way from the safety panel to a real person. Optional: when no bean implements it, the panel says honestly
 * that nobody is available right now and points to the crisis contacts.
 */
public interface HumanHandoff {

    /** Starts looking for a person and returns what the panel shows meanwhile (waiting, then the live chat). */
    Component start(ChatSafetyPanel.SafetyContext context);
}
