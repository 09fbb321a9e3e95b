package nl.spiegel.risk;

import java.util.Locale;

/** How urgently a message needs a human response, ordered by severity (compare with {@link #compareTo}). */
public enum RiskLevel {
    /** Nothing that needs a safety response. */
    NONE,
    /** Worrying: passive death wish, hopelessness, burden, past self-harm, eating or substance problems, past abuse. */
    CONCERN,
    /** Show crisis help now: explicit wish or plan, method-seeking, self-harm or attempt now, danger, emergency. */
    CRISIS;

    public boolean isAtLeast(RiskLevel other) {
        return compareTo(other) >= 0;
    }

    public static RiskLevel max(RiskLevel a, RiskLevel b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public static RiskLevel min(RiskLevel a, RiskLevel b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Lower-case name as used in lexicon files, corpora and the batch output. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RiskLevel fromCode(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }
}
