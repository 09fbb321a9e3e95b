package nl.spiegel.escalation.handoff.ui;

import org.springframework.stereotype.Component;

import nl.spiegel.dialogue.ChatSafetyPanel.SafetyContext;
import nl.spiegel.escalation.CrisisContacts;
import nl.spiegel.escalation.HumanHandoff;
import nl.spiegel.escalation.handoff.HandoffBroadcaster;
import nl.spiegel.escalation.handoff.HandoffService;

/** The live handoff behind the "talk to a person now" button of the safety panel. */
@Component
class HandoffPanels implements HumanHandoff {

    private final HandoffService handoffs;
    private final HandoffBroadcaster broadcaster;
    private final CrisisContacts crisisContacts;

    HandoffPanels(HandoffService handoffs, HandoffBroadcaster broadcaster, CrisisContacts crisisContacts) {
        this.handoffs = handoffs;
        this.broadcaster = broadcaster;
        this.crisisContacts = crisisContacts;
    }

    @Override
    public com.vaadin.flow.component.Component start(SafetyContext context,
                                                     java.util.function.Consumer<Boolean> onLive) {
        return new HandoffPanel(handoffs, broadcaster, crisisContacts, context, onLive);
    }
}
