package nl.spiegel.identity;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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
    private final Clock clock;

    StaffDirectory(StaffRepository staff, PasswordEncoder passwords, Clock clock) {
        this.staff = staff;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** The staff member behind a user id; empty for visitors and unknown ids. */
    @Transactional(readOnly = true)
    public Optional<StaffMember> find(UserId userId) {
        return staff.find(userId);
    }

    /** Creates a staff account; the e-mail address is stored in lower case and must not be in use yet. */
    @Transactional
    public StaffMember create(String email, String rawPassword, String displayName, Role role,
                              OrganisationId organisation) {
        if (role == Role.CLIENT) {
            throw new IllegalArgumentException("staff accounts need a staff role");
        }
        if (rawPassword == null || rawPassword.length() < 12) {
            throw new IllegalArgumentException("a staff password needs at least 12 characters");
        }
        StaffMember member = new StaffMember(UserId.random(), organisation, displayName.strip(), role);
        staff.insert(member, normalise(email), passwords.encode(rawPassword), clock.instant());
        log.info("staff account {} created with role {} in organisation {}", member.userId(), role, organisation);
        return member;
    }

    /** Sets a new password when the stored one does not match; used for the demo account. */
    @Transactional
    public void ensurePassword(String email, String rawPassword) {
        staff.findLogin(normalise(email)).ifPresent(login -> {
            if (login.passwordHash() == null || !passwords.matches(rawPassword, login.passwordHash())) {
                staff.updatePassword(login.member().userId(), passwords.encode(rawPassword));
                log.info("password of staff account {} reset", login.member().userId());
            }
        });
    }

    @Transactional(readOnly = true)
    public boolean exists(String email) {
        return staff.findLogin(normalise(email)).isPresent();
    }

    static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
