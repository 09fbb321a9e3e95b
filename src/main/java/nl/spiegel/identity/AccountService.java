package nl.spiegel.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.spiegel.identity.internal.AccountMailer;
import nl.spiegel.identity.internal.AccountRepository;
import nl.spiegel.identity.internal.AccountRepository.AccountRow;
import nl.spiegel.identity.internal.AccountTokenRepository;
import nl.spiegel.identity.internal.AccountTokenRepository.Purpose;
import nl.spiegel.identity.internal.AccountTokenRepository.StoredToken;
import nl.spiegel.identity.internal.LoginAttemptRepository;
import nl.spiegel.identity.internal.LoginThrottlePolicy;
import nl.spiegel.identity.internal.MailBudget;
import nl.spiegel.identity.internal.SecretTokens;
import nl.spiegel.identity.internal.TotpSecrets;

/**
 * Registration, e-mail confirmation, password reset and the account's own settings.
 *
 * <p>A visitor registers by confirming an address: the confirmation turns their own pseudonymous row into the account,
 * so every dialogue, exercise and answer stays theirs. Until then the address and password wait in the link's row,
 * not in the users table. Links are random, stored as hashes, expire and work once.
 */
@Service
public class AccountService {

    private static final Logger log = LoggerFactory.getLogger(AccountService.class);
    // deliberately simple: the confirmation mail is the real check
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final AccountRepository accounts;
    private final AccountTokenRepository tokens;
    private final LoginAttemptRepository attempts;
    private final LoginThrottlePolicy throttle;
    private final TotpSecrets totp;
    private final PasswordPolicy policy;
    private final PasswordEncoder passwords;
    private final AccountMailer mailer;
    private final MailBudget mailBudget;
    private final AccountSessions sessions;
    private final AccountProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountService(AccountRepository accounts, AccountTokenRepository tokens, LoginAttemptRepository attempts,
                   LoginThrottlePolicy throttle, TotpSecrets totp, PasswordPolicy policy, PasswordEncoder passwords,
                   AccountMailer mailer, MailBudget mailBudget, AccountSessions sessions,
                   AccountProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.attempts = attempts;
        this.throttle = throttle;
        this.totp = totp;
        this.policy = policy;
        this.passwords = passwords;
        this.mailer = mailer;
        this.mailBudget = mailBudget;
        this.sessions = sessions;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    public int passwordMinLength() {
        return policy.minLength();
    }

    /** What is wrong with a new password, for feedback while typing. */
    public List<PasswordProblem> checkPassword(String password, String email) {
        return policy.check(password, email);
    }

    /**
     * Starts a registration for this visitor: sends a confirmation link to the address. When the address already
     * has an account its owner gets a notice instead; the answer to the screen is the same.
     */
    @Transactional
    public RegistrationResult register(Visitor visitor, String email, String password, Locale locale) {
        String address = normaliseEmail(email);
        if (!isPlausibleEmail(address)) {
            return new RegistrationResult.InvalidEmail();
        }
        List<PasswordProblem> problems = policy.check(password, address);
        if (!problems.isEmpty()) {
            return new RegistrationResult.PasswordRejected(problems);
        }
        if (!accounts.isAnonymous(visitor.userId())) {
            return new RegistrationResult.AlreadyRegistered();
        }
        if (!mailBudget.take("visitor:" + visitor.userId(), "email:" + SecretTokens.sha256(address))) {
            log.info("registration mail for visitor {} not sent: hourly limit reached", visitor.userId());
            return new RegistrationResult.MailSent(address);
        }
        if (accounts.emailInUse(address)) {
            mailer.sendAlreadyRegistered(address, properties.link("login"), properties.link("forgot-password"),
                    locale);
            return new RegistrationResult.MailSent(address);
        }
        Instant now = clock.instant();
        String token = SecretTokens.generate();
        // a new registration replaces an earlier, unconfirmed one of the same visitor
        tokens.useAll(visitor.userId(), Purpose.VERIFY_EMAIL, now);
        tokens.insert(SecretTokens.sha256(token), Purpose.VERIFY_EMAIL, visitor.userId(), visitor.organisationId(),
                address, passwords.encode(PasswordPolicy.normalise(password)), now,
                now.plus(properties.verificationLinkValidity()));
        mailer.sendVerification(address, properties.link("verify-email?token=" + token), locale);
        log.info("confirmation link sent for visitor {}", visitor.userId());
        return new RegistrationResult.MailSent(address);
    }

    /**
     * Confirms an address with the link from the mail. In the browser that registered (the same visitor) the link
     * is enough; elsewhere the password chosen at registration is asked as well.
     */
    @Transactional
    public VerificationResult verifyEmail(String token, Visitor currentVisitor, String password, String address) {
        Instant now = clock.instant();
        Optional<StoredToken> found = find(token, Purpose.VERIFY_EMAIL).filter(stored -> stored.usableAt(now));
        if (found.isEmpty()) {
            return new VerificationResult.Invalid();
        }
        StoredToken stored = found.get();
        boolean sameVisitor = currentVisitor != null && currentVisitor.userId().equals(stored.userId());
        if (!sameVisitor) {
            if (password == null || password.isEmpty()) {
                return new VerificationResult.PasswordNeeded();
            }
            LoginThrottlePolicy.Decision decision = throttle.decide(
                    attempts.forAccount(stored.userId(), throttle.windowStart()), List.of());
            if (!decision.allowed()) {
                return new VerificationResult.Throttled(decision.retryAfter());
            }
            if (!passwords.matches(PasswordPolicy.normalise(password), stored.passwordHash())) {
                attempts.record(now, stored.userId(), stored.organisationId(), null,
                        address == null || address.isBlank() ? "unknown" : address,
                        LoginAttemptRepository.Step.PASSWORD, LoginAttemptRepository.Outcome.FAILURE);
                return new VerificationResult.WrongPassword();
            }
        }
        if (!tokens.use(stored.tokenHash(), now)) {
            return new VerificationResult.Invalid();
        }
        if (accounts.emailInUse(stored.email())) {
            return new VerificationResult.AddressTaken();
        }
        boolean claimed;
        try {
            claimed = accounts.claim(stored.userId(), stored.email(), stored.passwordHash(), now);
        } catch (DuplicateKeyException raced) {
            return new VerificationResult.AddressTaken();
        }
        if (!claimed) {
            return new VerificationResult.Invalid();
        }
        tokens.useAll(stored.userId(), Purpose.VERIFY_EMAIL, now);
        AccountRow account = accounts.findById(stored.userId()).orElseThrow();
        events.publishEvent(new AccountActivity(account.userId(), account.organisationId(),
                AccountActivity.Kind.REGISTERED, now));
        log.info("visitor {} confirmed an address and is now a registered client", account.userId());
        return new VerificationResult.Verified(new AuthenticatedAccount(account.userId(), account.organisationId(),
                account.role(), account.email(), account.displayName()));
    }

    /**
     * Sends a reset link when the address has an account; otherwise nothing happens. The screen says the same in
     * both cases.
     */
    @Transactional
    public void requestPasswordReset(String email, Locale locale) {
        String address = normaliseEmail(email);
        Optional<AccountRow> account = isPlausibleEmail(address) ? accounts.findByEmail(address) : Optional.empty();
        if (account.isEmpty()) {
            return;
        }
        AccountRow row = account.get();
        if (!mailBudget.take("account:" + row.userId())) {
            log.info("reset mail for {} not sent: hourly limit reached", row.userId());
            return;
        }
        Instant now = clock.instant();
        String token = SecretTokens.generate();
        tokens.useAll(row.userId(), Purpose.RESET_PASSWORD, now);
        tokens.insert(SecretTokens.sha256(token), Purpose.RESET_PASSWORD, row.userId(), row.organisationId(), null,
                null, now, now.plus(properties.resetLinkValidity()));
        mailer.sendPasswordReset(row.email(), properties.link("reset-password?token=" + token), locale);
        log.info("reset link sent for {}", row.userId());
    }

    /** Whether a reset link can still be used; checked before the form is shown. */
    @Transactional(readOnly = true)
    public boolean isResetLinkValid(String token) {
        Instant now = clock.instant();
        return find(token, Purpose.RESET_PASSWORD).filter(stored -> stored.usableAt(now)).isPresent();
    }

    /** Sets a new password with a reset link; the link then no longer works. */
    @Transactional
    public ResetResult resetPassword(String token, String newPassword, Locale locale) {
        Instant now = clock.instant();
        Optional<StoredToken> found = find(token, Purpose.RESET_PASSWORD).filter(stored -> stored.usableAt(now));
        Optional<AccountRow> account = found.flatMap(stored -> accounts.findById(stored.userId()));
        if (account.isEmpty()) {
            return new ResetResult.InvalidLink();
        }
        AccountRow row = account.get();
        // checked before the link is used up, so a refused password can be corrected
        List<PasswordProblem> problems = policy.check(newPassword, row.email());
        if (!problems.isEmpty()) {
            return new ResetResult.PasswordRejected(problems);
        }
        if (!tokens.use(found.get().tokenHash(), now)) {
            return new ResetResult.InvalidLink();
        }
        tokens.useAll(row.userId(), Purpose.RESET_PASSWORD, now);
        accounts.updatePassword(row.userId(), passwords.encode(PasswordPolicy.normalise(newPassword)), now);
        // proving control of the mailbox unlocks a second step locked by wrong codes
        accounts.clearSecondFactorFailures(row.userId());
        // whoever knew the old password is logged out everywhere
        sessions.endOtherSessions(row.userId());
        mailer.sendPasswordChanged(row.email(), properties.link("forgot-password"), locale);
        events.publishEvent(new AccountActivity(row.userId(), row.organisationId(),
                AccountActivity.Kind.PASSWORD_RESET, now));
        log.info("password of {} reset with a link", row.userId());
        return new ResetResult.Done();
    }

    /** The logged-in account; empty for visitors without a login. */
    @Transactional(readOnly = true)
    public Optional<Account> current() {
        return sessions.currentUser().flatMap(accounts::findById).map(AccountService::toAccount);
    }

    /**
     * The registered account of a user, for modules that need to know whether someone registered or where to send a
     * notice (never log the address); empty for anonymous visitors and unknown ids.
     */
    @Transactional(readOnly = true)
    public Optional<Account> account(UserId user) {
        return accounts.findById(user).map(AccountService::toAccount);
    }

    /** Starts adding an authenticator app to the logged-in account. */
    @Transactional
    public TotpSetup startTotp() {
        AccountRow row = requireCurrent();
        if (row.totpEnabled()) {
            throw new IllegalStateException("the authenticator app is already set up");
        }
        return totp.setUp(row);
    }

    /** Confirms the authenticator app with a first code and switches the second step on. */
    @Transactional
    public boolean confirmTotp(String code) {
        AccountRow row = requireCurrent();
        if (row.totpEnabled() || !totp.verify(row, code)) {
            return false;
        }
        Instant now = clock.instant();
        accounts.enableTotp(row.userId(), now);
        events.publishEvent(new AccountActivity(row.userId(), row.organisationId(),
                AccountActivity.Kind.TOTP_ENABLED, now));
        log.info("authenticator app set up for {}", row.userId());
        return true;
    }

    /** Switches the second step off, with a current code; only clients may, staff always need it. */
    @Transactional
    public boolean disableTotp(String code) {
        AccountRow row = requireCurrent();
        if (row.role().requiresSecondFactor()) {
            throw new AccessDeniedException("staff always log in with an authenticator app");
        }
        if (!row.totpEnabled() || !totp.verify(row, code)) {
            return false;
        }
        accounts.disableTotp(row.userId());
        events.publishEvent(new AccountActivity(row.userId(), row.organisationId(),
                AccountActivity.Kind.TOTP_DISABLED, clock.instant()));
        log.info("authenticator app switched off for {}", row.userId());
        return true;
    }

    private AccountRow requireCurrent() {
        return sessions.currentUser().flatMap(accounts::findById)
                .orElseThrow(() -> new AccessDeniedException("log in first"));
    }

    private Optional<StoredToken> find(String token, Purpose purpose) {
        if (!SecretTokens.isWellFormed(token)) {
            return Optional.empty();
        }
        return tokens.find(SecretTokens.sha256(token), purpose);
    }

    private static Account toAccount(AccountRow row) {
        return new Account(row.userId(), row.organisationId(), row.role(), row.email(), row.displayName(),
                row.totpEnabled());
    }

    static String normaliseEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    static boolean isPlausibleEmail(String address) {
        return address.length() <= 254 && EMAIL.matcher(address).matches();
    }
}
