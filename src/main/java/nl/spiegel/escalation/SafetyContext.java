package nl.spiegel.escalation;

import java.util.List;

import nl.spiegel.dialogue.SessionId;
import nl.spiegel.identity.Visitor;
import nl.spiegel.risk.RiskLevel;

/**
 * Who needs help and why: what the safety panel, the screener and the live handoff are told when a message (or a
 * questionnaire answer, or the help button) shows risk.
 *
 * @param session the dialogue the risk came from, or null when it did not come from a dialogue
 * @param ruleIds the risk rules that matched, never the words themselves
 */
public record SafetyContext(Visitor visitor, SessionId session, RiskLevel level, List<String> ruleIds) {

    public SafetyContext {
        ruleIds = List.copyOf(ruleIds);
    }
}
