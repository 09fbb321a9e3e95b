package nl.spiegel.dialogue;

import java.util.List;

import nl.spiegel.risk.RiskLevel;

/** The script waits while the safety panel is open, because the person's last message showed risk. */
public record SafetyPause(RiskLevel level, List<String> ruleIds) {

    public SafetyPause {
        ruleIds = List.copyOf(ruleIds);
    }
}
