package nl.spiegel.escalation.handoff.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;

import nl.spiegel.risk.RiskLevel;

/** How a request's risk, rule ids and waiting time read on the therapist's screen. */
final class RiskLabels {

    private RiskLabels() {
    }

    static Span level(Component owner, RiskLevel level) {
        Span badge = new Span(owner.getTranslation("handoff.level." + level.name().toLowerCase(Locale.ROOT)));
        badge.addClassNames("sp-handoff-level", "sp-handoff-level-" + level.name().toLowerCase(Locale.ROOT));
        return badge;
    }

    static Span rules(Component owner, List<String> ruleIds) {
        Span rules = new Span(owner.getTranslation("handoff.rules",
                ruleIds.isEmpty() ? owner.getTranslation("handoff.rules.none") : String.join(", ", ruleIds)));
        rules.addClassName("sp-handoff-rules");
        return rules;
    }

    static Span waiting(Component owner, Instant since, Instant now) {
        long minutes = Math.max(0, Duration.between(since, now).toMinutes());
        Span waiting = new Span(owner.getTranslation("handoff.waiting-since",
                HandoffMessageList.TIME.format(since), minutes));
        waiting.addClassName("sp-handoff-waiting");
        return waiting;
    }
}
