package nl.spiegel.progress.scoring;

import java.util.Locale;

/** A severity band of a questionnaire total; its plain words come from the script's band labels. */
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

    /** The band with this code; a script's band must be one of these to be charted. */
    public static Band ofCode(String code) {
        for (Band band : values()) {
            if (band.code().equals(code)) {
                return band;
            }
        }
        throw new IllegalArgumentException("unknown band '" + code + "'");
    }
}
