package nl.spiegel.dialogue;

import java.util.List;

import com.vaadin.flow.component.Component;

import nl.spiegel.identity.Visitor;
import nl.spiegel.risk.RiskLevel;

/**
 * What the chat shows when a message shows risk or the person asks for help: crisis contacts, the follow-up
 * questions and the way to a human. Implemented by the escalation module, so the dialogue module does not depend on
 * it.
 */
public interface ChatSafetyPanel {

    /**
     * @param onContinue called when the person chooses to go on with the dialogue; the help stays visible
     * @param onEnd      called when the dialogue should end gently instead (after a positive screen the script must
     *                   not mirror the risky words back); the panel stays
     */
    Component create(SafetyContext context, Runnable onContinue, Runnable onEnd);

    default Component create(SafetyContext context, Runnable onContinue) {
        return create(context, onContinue, () -> {
        });
    }

    record SafetyContext(Visitor visitor, SessionId session, RiskLevel level, List<String> ruleIds) {
        public SafetyContext {
            ruleIds = List.copyOf(ruleIds);
        }
    }
}
