package nl.spiegel.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import nl.spiegel.identity.internal.LoginAttemptRepository;
import nl.spiegel.identity.internal.SsoIdentityRepository;
import nl.spiegel.identity.internal.UserRepository;
import nl.spiegel.organisation.OrganisationId;

/**
 * What this module holds about one person, for their data export and deletion and for the retention of inactive
 * anonymous visitors. The privacy module reads it here instead of in this module's tables.
 *
 * <p>The export is an allow-list: {@link Fields} names the columns of the account row a person gets, so a column
 * added to the users table later (a credential, say) stays out of every export until it is added here. Credentials
 * and what is derived from them (password and visitor-token hashes, the TOTP secret, its key id and last used step)
 * are never among them.
 */
@Service
public class AccountData {

    /** The account row as exported: no credentials. */
    public record Fields(UserId userId, OrganisationId organisationId, Instant createdAt, Instant lastSeenAt,
                         String email, String displayName, String role, Instant emailVerifiedAt,
                         Instant passwordChangedAt, Instant totpEnabledAt, int secondFactorFailures,
                         Instant deactivatedAt) {
    }

    /** One login attempt: when, from which address, which step and how it went; never a password. */
    public record LoginAttempt(Instant attemptedAt, String ipAddress, String step, String outcome) {
    }

    /** An organisation's login service (OpenID Connect provider) that knows the person, under which subject. */
    public record SsoLink(String issuer, String subject, Instant linkedAt, Instant lastLoginAt) {
    }

    /** An anonymous user the retention may delete. */
    public record Inactive(UserId userId, OrganisationId organisation) {
    }

    private final UserRepository users;
    private final LoginAttemptRepository attempts;
    private final SsoIdentityRepository sso;

    AccountData(UserRepository users, LoginAttemptRepository attempts, SsoIdentityRepository sso) {
        this.users = users;
        this.attempts = attempts;
        this.sso = sso;
    }

    /** The person's account row; empty when there is none. */
    public Optional<Fields> account(UserId person) {
        return users.exported(person);
    }

    /** The person's login attempts, oldest first. */
    public List<LoginAttempt> loginAttempts(UserId person) {
        return attempts.ofAccount(person);
    }

    /** The single sign-on links of the person, oldest first; no internal ids. */
    public List<SsoLink> singleSignOnLinks(UserId person) {
        return sso.linksOf(person);
    }

    /**
     * Deletes the account row; this module's own rows about it (login attempts, account tokens, single sign-on links)
     * go with it (cascade). Every other module's rows must be gone first.
     *
     * @return how many account rows were deleted
     */
    public int delete(UserId person) {
        return users.delete(person);
    }

    /** Anonymous users (no e-mail address, no staff role) last seen before the cutoff, longest away first. */
    public List<Inactive> inactiveAnonymous(Instant cutoff, int limit) {
        return users.inactiveAnonymous(cutoff, limit);
    }

    /**
     * Locks the account row when it is still anonymous and inactive since before the cutoff, so a visit arriving now
     * waits for the deletion (or wins and keeps the person). Call inside the deletion's transaction.
     */
    public boolean lockIfStillInactive(UserId person, Instant cutoff) {
        return users.lockIfStillInactive(person, cutoff);
    }
}
