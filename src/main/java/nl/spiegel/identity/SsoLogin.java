package nl.spiegel.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import nl.spiegel.identity.internal.SsoIdentityRepository;
import nl.spiegel.identity.internal.SsoIdentityRepository.LinkedAccount;
import nl.spiegel.organisation.OrganisationId;

/**
 * The account behind a login through an organisation's OpenID Connect provider. The provider's stable (issuer,
 * subject) pair is linked to one account the first time: an existing account of the same organisation with the
 * address the provider vouches for ({@code email_verified}), else the visitor's own pseudonymous row (so what they
 * did before stays theirs), else a new account. Later logins find the account by that pair alone. When the
 * organisation maps roles, the role comes from that mapping at every login; a platform admin is never made or reached
 * this way, and an account of another organisation never. Two first logins of the same person at the same moment end
 * in the same account: the one that loses the race on the database is run again and finds the other one's link.
 */
@Service
public class SsoLogin {

    private static final Logger log = LoggerFactory.getLogger(SsoLogin.class);
    private static final int MAX_NAME = 100;

    private final SsoIdentityRepository identities;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AccountSessions sessions;
    private final TransactionTemplate transaction;

    SsoLogin(SsoIdentityRepository identities, ApplicationEventPublisher events, Clock clock,
             AccountSessions sessions, PlatformTransactionManager transactions) {
        this.sessions = sessions;
        this.transaction = new TransactionTemplate(transactions);
        this.identities = identities;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Logs the person in to the organisation whose provider vouched for them.
     *
     * @param mappedRole the role from the organisation's mapping ({@code CLIENT}, {@code THERAPIST},
     *                   {@code ORG_ADMIN}); empty when the organisation maps no roles: a new account is a client,
     *                   an existing one keeps its role
     * @param visitor    the browser's visitor token, if any: its pseudonymous row becomes the new account
     */
    public SsoLoginResult logIn(OrganisationId organisation, SsoIdentity identity, Optional<String> mappedRole,
                                Optional<VisitorToken> visitor) {
        try {
            return transaction.execute(status -> attempt(organisation, identity, mappedRole, visitor));
        } catch (DuplicateKeyException | PessimisticLockingFailureException raced) {
            // Two first logins of the same person at once (two tabs, a double click): both found no link, the other
            // one stored the account and its link first. This attempt was rolled back as a whole; a new transaction
            // sees what the other one committed and logs in to that same account.
            log.info("single sign-on in organisation {}: a simultaneous first login won, trying again", organisation);
            return transaction.execute(status -> attempt(organisation, identity, mappedRole, visitor));
        }
    }

    private SsoLoginResult attempt(OrganisationId organisation, SsoIdentity identity, Optional<String> mappedRole,
                                   Optional<VisitorToken> visitor) {
        Instant now = clock.instant();
        Optional<LinkedAccount> linked = identities.findLinked(identity.issuer(), identity.subject());
        if (linked.isPresent()) {
            Optional<SsoLoginResult.Refused> refused = refusal(linked.get(), organisation);
            if (refused.isPresent()) {
                return refused.get();
            }
            identities.touch(identity.issuer(), identity.subject(), now);
            return loggedIn(linked.get(), roleOf(mappedRole, linked.get()), false, now);
        }
        String email = identity.emailVerified() ? AccountService.normaliseEmail(identity.email()) : "";
        if (!AccountService.isPlausibleEmail(email) || email.length() > 254) {
            log.info("single sign-on refused in organisation {}: no verified address for a first login",
                    organisation);
            return new SsoLoginResult.Refused(SsoLoginResult.Reason.NO_VERIFIED_EMAIL);
        }
        Optional<LinkedAccount> byEmail = identities.findByEmail(email);
        if (byEmail.isPresent()) {
            Optional<SsoLoginResult.Refused> refused = refusal(byEmail.get(), organisation);
            if (refused.isPresent()) {
                return refused.get();
            }
            identities.link(identity.issuer(), identity.subject(), byEmail.get().userId(), organisation, now);
            log.info("single sign-on linked to existing account {}", byEmail.get().userId());
            return loggedIn(byEmail.get(), roleOf(mappedRole, byEmail.get()), false, now);
        }
        Role role = mappedRole.map(SsoLogin::role).orElse(Role.CLIENT);
        String name = displayName(identity.name());
        Optional<LinkedAccount> ownVisitor = visitor.flatMap(token -> identities.findAnonymousVisitor(token.hash()))
                .filter(found -> found.organisationId().equals(organisation));
        UserId user;
        if (ownVisitor.isPresent() && identities.claimVisitor(ownVisitor.get().userId(), email, name, role, now)) {
            user = ownVisitor.get().userId();
        } else {
            user = UserId.random();
            identities.insertAccount(user, organisation, email, name, role, now);
        }
        identities.link(identity.issuer(), identity.subject(), user, organisation, now);
        events.publishEvent(new AccountActivity(user, organisation, AccountActivity.Kind.REGISTERED, now));
        log.info("single sign-on made account {} in organisation {} as {}", user, organisation, role);
        return loggedIn(new LinkedAccount(user, organisation, role, email, name, false), role, true, now);
    }

    private static Optional<SsoLoginResult.Refused> refusal(LinkedAccount account, OrganisationId organisation) {
        SsoLoginResult.Reason reason = null;
        if (account.role() == Role.PLATFORM_ADMIN) {
            reason = SsoLoginResult.Reason.PLATFORM_ADMIN;
        } else if (!account.organisationId().equals(organisation)) {
            reason = SsoLoginResult.Reason.OTHER_ORGANISATION;
        } else if (account.deactivated()) {
            reason = SsoLoginResult.Reason.DEACTIVATED;
        }
        if (reason != null) {
            log.warn("single sign-on to account {} refused: {}", account.userId(), reason);
        }
        return Optional.ofNullable(reason).map(SsoLoginResult.Refused::new);
    }

    private SsoLoginResult loggedIn(LinkedAccount account, Role role, boolean created, Instant now) {
        if (account.role() != role) {
            identities.updateRole(account.userId(), role);
            // as with a role change by an administrator: nothing logged in with the old role keeps working
            sessions.endOtherSessions(account.userId());
            log.info("role of {} set to {} by the organisation's single sign-on", account.userId(), role);
        }
        events.publishEvent(new AccountActivity(account.userId(), account.organisationId(),
                AccountActivity.Kind.LOGGED_IN, now));
        return new SsoLoginResult.LoggedIn(new AuthenticatedAccount(account.userId(), account.organisationId(), role,
                account.email(), account.displayName()), created);
    }

    private static Role roleOf(Optional<String> mappedRole, LinkedAccount account) {
        return mappedRole.map(SsoLogin::role).orElse(account.role());
    }

    /** Only the roles an organisation may give; anything else (the platform admin role above all) is a client. */
    private static Role role(String name) {
        return switch (name) {
            case "THERAPIST" -> Role.THERAPIST;
            case "ORG_ADMIN" -> Role.ORG_ADMIN;
            default -> Role.CLIENT;
        };
    }

    private static String displayName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String clean = name.strip();
        return clean.length() > MAX_NAME ? clean.substring(0, MAX_NAME) : clean;
    }
}
