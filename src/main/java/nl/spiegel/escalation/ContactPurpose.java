package nl.spiegel.escalation;

import java.util.Locale;

/**
 * What a crisis contact is for, so each kind of risk can put the right one first (112 for a medical emergency,
 * Veilig Thuis for abuse, 113 for suicidal thoughts). Stored as {@link #code()} in {@code crisis_contacts.purpose}.
 */
public enum ContactPurpose {
    /** 112: danger to life now. */
    EMERGENCY,
    /** 113 Zelfmoordpreventie or an organisation's own suicide prevention line. */
    SUICIDE_LINE,
    /** Huisarts or huisartsenpost. */
    GP,
    /** Veilig Thuis: violence or abuse at home. */
    ABUSE_LINE,
    /** Anything else, for example an organisation's own crisis team; listed after the ones a flow asks for. */
    OTHER;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Unknown or missing codes are {@link #OTHER}, so a contact is never dropped for a typo in its purpose. */
    public static ContactPurpose fromCode(String code) {
        for (ContactPurpose purpose : values()) {
            if (purpose.code().equals(code == null ? "" : code.strip().toLowerCase(Locale.ROOT))) {
                return purpose;
            }
        }
        return OTHER;
    }
}
