package nl.spiegel.identity;

/**
 * A logged-in HTTP session ended (logout, idle timeout, its lifetime, or ended because the account changed). Other
 * modules drop what was tied to that login, such as a therapist's on-duty status.
 */
public record SessionEnded(UserId user, Role role) {
}
