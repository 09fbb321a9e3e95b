package nl.spiegel.identity;

/** Why a new password is refused. Each has a clear message in {@code password.problem.*}. */
public enum PasswordProblem {
    TOO_SHORT, TOO_LONG, COMMON, REPETITIVE, SEQUENCE, CONTAINS_EMAIL, CONTAINS_APP_NAME;

    /** The translation key of the message; {@link #TOO_SHORT} and {@link #TOO_LONG} take the limit as {0}. */
    public String messageKey() {
        return "password.problem." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
