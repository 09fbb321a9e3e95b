package nl.spiegel.escalation.screening;

import java.util.Locale;

/** How serious the answers are, ordered from no sign to high risk. */
public enum Grade {
    /** Every question answered with no. */
    NONE,
    /** Only a wish to be dead and/or thoughts of suicide: gentle check-in, 113 information visible. */
    LOW,
    /** Thoughts of how, or behaviour longer ago: a therapist or huisarts soon, a safety plan, 113 information. */
    MODERATE,
    /** Intent, a plan with intent, or behaviour in the past three months: 113/112 and a human now. */
    HIGH;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
