package nl.spiegel.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import nl.spiegel.identity.internal.AccountRepository;
import nl.spiegel.identity.internal.AccountRepository.AccountRow;
import nl.spiegel.identity.internal.LoginAttemptRepository;
import nl.spiegel.identity.internal.LoginAttemptRepository.Outcome;
import nl.spiegel.identity.internal.LoginAttemptRepository.Step;
import nl.spiegel.identity.internal.LoginThrottlePolicy;
import nl.spiegel.identity.internal.SecretTokens;
import nl.spiegel.identity.internal.StaffRepository;
import nl.spiegel.identity.internal.TotpSecrets;

/**
 * Logging in: the password, then (for staff always, for clients who switched it on) the code from an authenticator
 * app. Every attempt is recorded and throttled per account and per network address. Failures never say whether the
 * address, the password or the code was wrong.
 */
@Service
public class LoginService {

    private static final Logger log = LoggerFactory.getLogger(LoginService.class);

    private final AccountRepository accounts;
    private final LoginAttemptRepository attempts;
    private final LoginThrottlePolicy throttle;
    private final TotpSecrets totp;
    private final PasswordEncoder passwords;
    private final LoginProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final StaffRepository staff;
    /** Checked against when the address is unknown, so both cases take as long. */
    private final String unknownAccountHash;

    LoginService(AccountRepository accounts, LoginAttemptRepository attempts, LoginThrottlePolicy throttle,
                 TotpSecrets totp, PasswordEncoder passwords, LoginProperties properties,
                 ApplicationEventPublisher events, Clock clock, StaffRepository staff) {
        this.staff = staff;
        this.accounts = accounts;
        this.attempts = attempts;
        this.throttle = throttle;
        this.totp = totp;
        this.passwords = passwords;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.unknownAccountHash = passwords.encode(SecretTokens.generate());
    }

    /**
     * The first step: e-mail address and password, from the given network address. Read committed: the attempts
     * counted are the ones committed by whoever held the throttling lock before.
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public LoginResult logIn(String email, String password, String address) {
        String normalised = normaliseEmail(email);
        String emailHash = attempts.emailHash(normalised);
        String from = address(address);
        Optional<AccountRow> account = accounts.findByEmail(normalised);
        attempts.lock(account.map(row -> accountLock(row.userId())).orElse("email:" + emailHash), addressLock(from));
        Instant now = clock.instant();
        LoginThrottlePolicy.Decision decision = throttle.decide(
                account.map(row -> attempts.forAccount(row.userId(), throttle.windowStart()))
                        .orElseGet(() -> attempts.forEmailHash(emailHash, throttle.windowStart())),
                attempts.fromAddress(from, throttle.windowStart()));
        AccountRow row = account.orElse(null);
        if (!decision.allowed()) {
            record(now, row, emailHash, from, Step.PASSWORD, Outcome.BLOCKED);
            log.info("login throttled for {}", row == null ? "an unknown address" : row.userId());
            return new LoginResult.Throttled(decision.retryAfter());
        }
        String typed = PasswordPolicy.normalise(password == null ? "" : password);
        boolean matches = row != null && passwords.matches(typed, row.passwordHash());
        if (row == null) {
            passwords.matches(typed, unknownAccountHash);
        }
        if (!matches) {
            record(now, row, emailHash, from, Step.PASSWORD, Outcome.FAILURE);
            if (row != null) {
                events.publishEvent(new AccountActivity(row.userId(), row.organisationId(),
                        AccountActivity.Kind.LOGIN_FAILED, now));
            }
            return new LoginResult.Failed();
        }
        if (passwords.upgradeEncoding(row.passwordHash())) {
            accounts.updatePassword(row.userId(), passwords.encode(typed), now);
        }
        if ((row.totpEnabled() || row.role().requiresSecondFactor()) && secondFactorLocked(row)) {
            record(now, row, emailHash, from, Step.PASSWORD, Outcome.PASSWORD_OK);
            return new LoginResult.SecondFactorLocked();
        }
        if (row.totpEnabled()) {
            record(now, row, emailHash, from, Step.PASSWORD, Outcome.PASSWORD_OK);
            return new LoginResult.SecondFactorNeeded(new PendingLogin(row.userId(), now, false));
        }
        if (row.role().requiresSecondFactor()) {
            record(now, row, emailHash, from, Step.PASSWORD, Outcome.PASSWORD_OK);
            return new LoginResult.EnrolmentNeeded(new PendingLogin(row.userId(), now, true));
        }
        return succeed(row, from, Step.PASSWORD, now);
    }

    /** The second step: the code from the authenticator app. */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public LoginResult secondFactor(PendingLogin pending, String code, String address) {
        return checkCode(pending, code, address, false);
    }

    /** For staff on their first login: the secret to add to an authenticator app. */
    @Transactional
    public TotpSetup enrolment(PendingLogin pending) {
        AccountRow row = current(pending).filter(account -> !account.totpEnabled())
                .orElseThrow(() -> new IllegalStateException("no enrolment under way"));
        return totp.setUp(row);
    }

    /** Confirms the new authenticator app with a first code, switches it on and completes the login. */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public LoginResult confirmEnrolment(PendingLogin pending, String code, String address) {
        return checkCode(pending, code, address, true);
    }

    private LoginResult checkCode(PendingLogin pending, String code, String address, boolean enrolment) {
        Instant now = clock.instant();
        String from = address(address);
        Optional<AccountRow> found = current(pending);
        if (found.isEmpty() || pending.needsEnrolment() != enrolment
                || found.get().totpEnabled() == enrolment || found.get().totpSecret() == null) {
            return new LoginResult.Expired();
        }
        AccountRow row = found.get();
        attempts.lock(accountLock(row.userId()), addressLock(from));
        if (secondFactorLocked(row)) {
            record(now, row, null, from, Step.SECOND_FACTOR, Outcome.BLOCKED);
            return new LoginResult.SecondFactorLocked();
        }
        LoginThrottlePolicy.Decision decision = throttle.decide(attempts.forAccount(row.userId(), throttle.windowStart()),
                attempts.fromAddress(from, throttle.windowStart()));
        if (!decision.allowed()) {
            record(now, row, null, from, Step.SECOND_FACTOR, Outcome.BLOCKED);
            return new LoginResult.Throttled(decision.retryAfter());
        }
        if (!totp.verify(row, code)) {
            record(now, row, null, from, Step.SECOND_FACTOR, Outcome.FAILURE);
            accounts.countSecondFactorFailure(row.userId());
            if (secondFactorLocked(row)) {
                log.warn("second login step of {} locked after {} wrong codes in a row", row.userId(),
                        properties.secondFactorLockAfter());
            }
            events.publishEvent(new AccountActivity(row.userId(), row.organisationId(),
                    AccountActivity.Kind.LOGIN_FAILED, now));
            return new LoginResult.Failed();
        }
        if (enrolment) {
            accounts.enableTotp(row.userId(), now);
            events.publishEvent(new AccountActivity(row.userId(), row.organisationId(),
                    AccountActivity.Kind.TOTP_ENABLED, now));
            log.info("authenticator app set up for {}", row.userId());
        }
        return succeed(row, from, Step.SECOND_FACTOR, now);
    }

    /**
     * An administrator unlocks a second step locked by wrong codes: an {@code ORG_ADMIN} for accounts of their own
     * organisation, a {@code PLATFORM_ADMIN} for any.
     *
     * @throws AccessDeniedException for anybody else
     */
    @Transactional
    public void unlockSecondFactor(UserId administrator, UserId account) {
        AccountRow row = accounts.findById(account).orElseThrow(() -> new AccessDeniedException("no such account"));
        boolean allowed = staff.find(administrator)
                .filter(admin -> admin.role() == Role.ORG_ADMIN || admin.role() == Role.PLATFORM_ADMIN)
                .filter(admin -> admin.mayAccess(row.organisationId()))
                .isPresent();
        if (!allowed) {
            log.warn("{} tried to unlock the second login step of {}", administrator, account);
            throw new AccessDeniedException("only an administrator of the account's organisation can unlock it");
        }
        accounts.clearSecondFactorFailures(account);
        log.info("second login step of {} unlocked by administrator {}", account, administrator);
    }

    /** The account of a pending login, while the password step is recent enough. */
    private Optional<AccountRow> current(PendingLogin pending) {
        if (pending == null) {
            return Optional.empty();
        }
        // setting up an app for the first time takes longer than typing a code
        java.time.Duration timeout = pending.needsEnrolment()
                ? properties.secondFactorTimeout().multipliedBy(3) : properties.secondFactorTimeout();
        if (pending.passwordCheckedAt().plus(timeout).isBefore(clock.instant())) {
            return Optional.empty();
        }
        return accounts.findById(pending.userId());
    }

    private boolean secondFactorLocked(AccountRow row) {
        return accounts.secondFactorFailures(row.userId()) >= properties.secondFactorLockAfter();
    }

    private static String accountLock(UserId user) {
        return "account:" + user;
    }

    private static String addressLock(String address) {
        return "address:" + address;
    }

    private LoginResult succeed(AccountRow row, String from, Step step, Instant now) {
        record(now, row, null, from, step, Outcome.SUCCESS);
        if (step == Step.SECOND_FACTOR) {
            accounts.clearSecondFactorFailures(row.userId());
        }
        accounts.touch(row.userId(), now);
        events.publishEvent(new AccountActivity(row.userId(), row.organisationId(), AccountActivity.Kind.LOGGED_IN,
                now));
        log.info("{} logged in as {}", row.userId(), row.role());
        return new LoginResult.LoggedIn(new AuthenticatedAccount(row.userId(), row.organisationId(), row.role(),
                row.email(), row.displayName()));
    }

    private void record(Instant now, AccountRow row, String emailHash, String address, Step step, Outcome outcome) {
        attempts.record(now, row == null ? null : row.userId(), row == null ? null : row.organisationId(),
                emailHash, address, step, outcome);
    }

    static String normaliseEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    private static String address(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        return address.length() > 45 ? address.substring(0, 45) : address;
    }

}
