package nl.spiegel.progress.scoring;

import java.util.Locale;

/** A severity band of a questionnaire total, in plain words for the person ({@code progress.band.mild}). */
public enum Band {
    MINIMAL,
    MILD,
    MODERATE,
    MODERATELY_SEVERE,
    SEVERE;

    /** Used in translation keys and as a data attribute for tests. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
