package nl.spiegel.identity;

/** What a user may do. Visitors are clients; staff log in with e-mail and password. */
public enum Role {
    /** A person using Spiegel for themselves, usually an anonymous visitor. */
    CLIENT,
    /** A therapist who can go on duty and take over a conversation live. */
    THERAPIST;

    /** The Spring Security authority for this role, as checked by {@code @RolesAllowed}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
