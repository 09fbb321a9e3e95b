package nl.spiegel.review.ui;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;

import nl.spiegel.risk.RiskKind;

/** Risk flags in plain words for therapists: the kind of risk and what the message showed, never rule ids. */
final class RiskWords {

    private RiskWords() {
    }

    static String describe(Component owner, List<String> ruleIds) {
        List<String> rules = ruleIds.stream().filter(id -> !RiskKind.isModifier(id)).toList();
        if (rules.isEmpty()) {
            return owner.getTranslation("review.risk.unspecified");
        }
        RiskKind kind = RiskKind.mostUrgent(rules);
        String families = rules.stream().map(RiskKind::family).distinct()
                .map(family -> owner.getTranslation("risk.family." + family)).collect(Collectors.joining("; "));
        return owner.getTranslation("risk.kind." + kind.name().toLowerCase(Locale.ROOT)) + ": " + families;
    }
}
