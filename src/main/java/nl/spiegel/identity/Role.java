package nl.spiegel.identity;

/** What a user may do. Visitors are clients; staff log in with e-mail, password and a second factor. */
public enum Role {
    /** A person using Spiegel for themselves, anonymously or with a registered account. */
    CLIENT,
    /** A therapist who can go on duty and take over a conversation live. */
    THERAPIST,
    /** Manages one organisation: its staff, branding and crisis contacts. */
    ORG_ADMIN,
    /**
     * Writes, previews and publishes one organisation's own dialogues; sees no people's data, no analytics and no
     * settings.
     */
    CONTENT_EDITOR,
    /** Operates the whole platform, across organisations; not scoped to one organisation. */
    PLATFORM_ADMIN;

    /** The Spring Security authority for this role, as checked by {@code @RolesAllowed}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Staff roles must log in with a second factor (TOTP). */
    public boolean requiresSecondFactor() {
        return this != CLIENT;
    }

    /** Whether this role is limited to the data of its own organisation. */
    public boolean isOrganisationScoped() {
        return this != PLATFORM_ADMIN;
    }
}
