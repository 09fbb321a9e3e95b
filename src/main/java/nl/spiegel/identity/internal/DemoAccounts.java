package nl.spiegel.identity.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import nl.spiegel.identity.DemoAccountProperties;
import nl.spiegel.identity.Role;
import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.organisation.OrganisationId;

/**
 * A demo therapist so the live handoff can be tried without an admin screen. Off in the {@code prod} profile.
 */
@Component
class DemoAccounts implements ApplicationRunner {

    static final String THERAPIST_EMAIL = "therapeut@spiegel.local";
    static final String THERAPIST_NAME = "Demo Therapeut";

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final DemoAccountProperties properties;
    private final StaffDirectory staff;

    DemoAccounts(DemoAccountProperties properties, StaffDirectory staff) {
        this.properties = properties;
        this.staff = staff;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.enabled()) {
            return;
        }
        if (staff.exists(THERAPIST_EMAIL)) {
            staff.ensurePassword(THERAPIST_EMAIL, properties.therapistPassword());
        } else {
            staff.create(THERAPIST_EMAIL, properties.therapistPassword(), THERAPIST_NAME, Role.THERAPIST,
                    OrganisationId.DEFAULT);
        }
        log.warn("demo accounts are enabled: a demo therapist can log in; disable with spiegel.demo-accounts.enabled=false");
    }
}
