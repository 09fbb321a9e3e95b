package nl.spiegel.escalation.handoff.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;

import nl.spiegel.risk.RiskKind;
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

    /**
     * Why the request came, in words: the kind of risk and what the message showed ("Gedachten aan zelfdoding of
     * doodgaan: zegt dood te willen of zelfdoding te overwegen"); never rule ids, never the person's words.
     */
    static Span rules(Component owner, List<String> ruleIds) {
        String why;
        if (ruleIds.isEmpty()) {
            why = owner.getTranslation("handoff.rules.none");
        } else {
            RiskKind kind = RiskKind.mostUrgent(ruleIds.stream().filter(id -> !RiskKind.isModifier(id)).toList());
            String families = ruleIds.stream().map(RiskKind::family).distinct()
                    .map(family -> owner.getTranslation("risk.family." + family)).collect(Collectors.joining("; "));
            why = owner.getTranslation("risk.kind." + kind.name().toLowerCase(Locale.ROOT)) + ": " + families;
        }
        Span rules = new Span(owner.getTranslation("handoff.rules", why));
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
