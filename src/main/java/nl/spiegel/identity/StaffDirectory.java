package nl.spiegel.identity;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.spiegel.identity.internal.LoggedInSessions;
import nl.spiegel.identity.internal.StaffRepository;
import nl.spiegel.organisation.OrganisationId;

/**
 * Staff accounts: who is a therapist, of which organisation, under which name. Other modules check roles here
 * rather than trusting what a screen tells them.
 */
@Service
public class StaffDirectory {

    private static final Logger log = LoggerFactory.getLogger(StaffDirectory.class);

    private final StaffRepository staff;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final Clock clock;
    private final LoggedInSessions sessions;

    StaffDirectory(StaffRepository staff, PasswordEncoder passwords, PasswordPolicy policy, Clock clock,
                   LoggedInSessions sessions) {
        this.sessions = sessions;
        this.staff = staff;
        this.passwords = passwords;
        this.policy = policy;
        this.clock = clock;
    }

    /** The staff member behind a user id; empty for visitors and unknown ids. */
    @Transactional(readOnly = true)
    public Optional<StaffMember> find(UserId userId) {
        return staff.find(userId);
    }

    /**
     * Creates a staff account; the e-mail address is stored in lower case and must not be in use yet. The password
     * must pass the {@link PasswordPolicy}; the authenticator app is set up at the first login. Platform admins are
     * not scoped to an organisation: give them {@link OrganisationId#DEFAULT}.
     *
     * @throws IllegalArgumentException for the role CLIENT or a password the policy refuses
     */
    @Transactional
    public StaffMember create(String email, String rawPassword, String displayName, Role role,
                              OrganisationId organisation) {
        if (role == Role.CLIENT) {
            throw new IllegalArgumentException("staff accounts need a staff role");
        }
        var problems = policy.check(rawPassword, email);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("password refused: " + problems);
        }
        StaffMember member = new StaffMember(UserId.random(), organisation, displayName.strip(), role);
        staff.insert(member, normalise(email), passwords.encode(PasswordPolicy.normalise(rawPassword)),
                clock.instant());
        log.info("staff account {} created with role {} in organisation {}", member.userId(), role, organisation);
        return member;
    }

    /** Sets a new password when the stored one does not match; used for the demo account. */
    @Transactional
    public void ensurePassword(String email, String rawPassword) {
        staff.findLogin(normalise(email)).ifPresent(login -> {
            if (login.passwordHash() == null
                    || !passwords.matches(PasswordPolicy.normalise(rawPassword), login.passwordHash())) {
                staff.updatePassword(login.member().userId(), passwords.encode(PasswordPolicy.normalise(rawPassword)),
                        clock.instant());
                log.info("password of staff account {} reset", login.member().userId());
            }
        });
    }

    /**
     * Gives an account another role. Every session it has is ended, so the new role (more or less access) counts from
     * the next login and never mixes with the old one.
     */
    @Transactional
    public void changeRole(UserId userId, Role role) {
        staff.updateRole(userId, role);
        sessions.endAll(userId, null);
        log.info("role of {} changed to {}", userId, role);
    }

    /**
     * An organisation's therapists and content editors with whether each is deactivated; the caller checks it may
     * see them.
     */
    @Transactional(readOnly = true)
    public java.util.List<java.util.Map.Entry<StaffMember, Boolean>> therapists(OrganisationId organisation) {
        return staff.therapists(organisation);
    }

    /**
     * Deactivates a staff account: it can no longer log in or reset its password and every session it has ends. What
     * it wrote stays. The caller checks it may do this.
     */
    @Transactional
    public void deactivate(UserId userId) {
        staff.deactivate(userId, clock.instant());
        sessions.endAll(userId, null);
        log.info("staff account {} deactivated", userId);
    }

    @Transactional(readOnly = true)
    public boolean exists(String email) {
        return staff.findLogin(normalise(email)).isPresent();
    }

    static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
