package nl.spiegel.organisation;

/**
 * One line of an organisation's role mapping: a person whose role claim holds {@code value} gets {@code role}. The
 * role is one of {@link #ROLES}; the platform admin role can never come from single sign-on.
 */
public record SsoRoleRule(String value, String role) {

    /** The roles an organisation's provider may give, from least to most rights. */
    public static final java.util.List<String> ROLES = java.util.List.of("CLIENT", "THERAPIST", "ORG_ADMIN");

    public SsoRoleRule {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("not a role single sign-on may give: " + role);
        }
    }

    @Override
    public String toString() {
        return value + "=" + role;
    }
}
