package nl.spiegel.identity.internal;

import java.time.Clock;
import java.util.Arrays;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import nl.spiegel.identity.Base32;
import nl.spiegel.identity.DemoAccountProperties;
import nl.spiegel.identity.PasswordPolicy;
import nl.spiegel.identity.Role;
import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.UserId;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.shared.crypto.FieldCipher;

/**
 * One demo account per role, so every part of the app can be tried without an admin screen. The staff accounts use
 * the published demo TOTP secret, so testers can add it to an authenticator app. Off in the {@code prod} profile, and
 * {@link ProductionSafetyCheck} refuses to start production with them switched on.
 */
@Component
class DemoAccounts implements ApplicationRunner {

    static final String THERAPIST_NAME = "Demo Therapeut";
    static final String ORG_ADMIN_NAME = "Demo Beheerder";
    static final String PLATFORM_ADMIN_NAME = "Demo Platformbeheer";
    static final String CONTENT_EDITOR_NAME = "Demo Redacteur";

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final DemoAccountProperties properties;
    private final StaffDirectory staff;
    private final StaffRepository staffRows;
    private final AccountRepository accounts;
    private final TotpSecrets totp;
    private final FieldCipher cipher;
    private final PasswordEncoder passwords;
    private final Clock clock;

    DemoAccounts(DemoAccountProperties properties, StaffDirectory staff, StaffRepository staffRows,
                 AccountRepository accounts, TotpSecrets totp, FieldCipher cipher, PasswordEncoder passwords,
                 Clock clock) {
        this.properties = properties;
        this.staff = staff;
        this.staffRows = staffRows;
        this.accounts = accounts;
        this.totp = totp;
        this.cipher = cipher;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!properties.enabled()) {
            return;
        }
        byte[] secret = Base32.decode(properties.totpSecret());
        ensureStaff(DemoAccountProperties.THERAPIST_EMAIL, properties.therapistPassword(), THERAPIST_NAME,
                Role.THERAPIST, secret);
        ensureStaff(DemoAccountProperties.ORG_ADMIN_EMAIL, properties.orgAdminPassword(), ORG_ADMIN_NAME,
                Role.ORG_ADMIN, secret);
        ensureStaff(DemoAccountProperties.PLATFORM_ADMIN_EMAIL, properties.platformAdminPassword(),
                PLATFORM_ADMIN_NAME, Role.PLATFORM_ADMIN, secret);
        ensureStaff(DemoAccountProperties.CONTENT_EDITOR_EMAIL, properties.contentEditorPassword(),
                CONTENT_EDITOR_NAME, Role.CONTENT_EDITOR, secret);
        ensureClient();
        log.warn("demo accounts are enabled (one per role, with published passwords and TOTP secret); "
                + "disable with spiegel.demo-accounts.enabled=false");
    }

    private void ensureStaff(String email, String password, String name, Role role, byte[] secret) {
        if (staff.exists(email)) {
            staff.ensurePassword(email, password);
        } else {
            // straight into the table: the published demo passwords would not pass the password policy, on purpose
            staffRows.insert(new StaffMember(UserId.random(), OrganisationId.DEFAULT, name, role), email,
                    passwords.encode(PasswordPolicy.normalise(password)), clock.instant());
        }
        AccountRepository.AccountRow row = accounts.findByEmail(email).orElseThrow();
        boolean sameSecret = row.totpEnabled()
                && Arrays.equals(totp.secret(row), secret);
        if (!sameSecret) {
            totp.storeEnabled(row.userId(), secret);
        }
    }

    private void ensureClient() {
        String email = DemoAccountProperties.CLIENT_EMAIL;
        String password = PasswordPolicy.normalise(properties.clientPassword());
        accounts.findByEmail(email).ifPresentOrElse(row -> {
            if (!passwords.matches(password, row.passwordHash())) {
                accounts.updatePassword(row.userId(), passwords.encode(password), clock.instant());
            }
        }, () -> accounts.insertClient(UserId.random(), OrganisationId.DEFAULT, email, passwords.encode(password),
                clock.instant()));
    }
}
