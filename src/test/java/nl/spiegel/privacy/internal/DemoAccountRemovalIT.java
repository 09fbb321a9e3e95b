package nl.spiegel.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.identity.DemoAccountDirectory;
import nl.spiegel.identity.DemoAccountProperties;
import nl.spiegel.identity.LoginResult;
import nl.spiegel.identity.LoginService;
import nl.spiegel.privacy.PersonalDataService;

/** Switching demo accounts off deletes them at the next start-up, so their published passwords stop working. */
@SpiegelIntegrationTest
class DemoAccountRemovalIT {

    private static final DemoAccountProperties SWITCHED_OFF = new DemoAccountProperties(false, "spiegel-demo-client",
            "spiegel-demo-therapeut", "spiegel-demo-beheerder", "spiegel-demo-platform",
            "spiegel-demo-redacteur", DemoAccountProperties.DEMO_TOTP_SECRET);

    @Autowired
    DemoAccountDirectory demoAccounts;
    @Autowired
    PersonalDataService personalData;
    @Autowired
    LoginService logins;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    List<ApplicationRunner> runners;

    @Test
    void aStartWithDemoAccountsSwitchedOffDeletesThemAndTheirPasswordsNoLongerWork() throws Exception {
        assertThat(logins.logIn(DemoAccountProperties.THERAPIST_EMAIL, "spiegel-demo-therapeut", "192.0.2.71"))
                .isInstanceOf(LoginResult.SecondFactorNeeded.class);
        try {
            new DemoAccountRemoval(SWITCHED_OFF, demoAccounts, personalData).afterSingletonsInstantiated();

            assertThat(demoAccounts.inDatabase()).isEmpty();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE email LIKE '%@spiegel.local'")
                    .query(Integer.class).single()).isZero();
            assertThat(logins.logIn(DemoAccountProperties.THERAPIST_EMAIL, "spiegel-demo-therapeut", "192.0.2.72"))
                    .isInstanceOf(LoginResult.Failed.class);
            assertThat(logins.logIn(DemoAccountProperties.CLIENT_EMAIL, "spiegel-demo-client", "192.0.2.72"))
                    .isInstanceOf(LoginResult.Failed.class);
        } finally {
            // other tests in this shared context log in as the demo accounts: make them again as a start would
            for (ApplicationRunner runner : runners) {
                if (runner.getClass().getSimpleName().startsWith("DemoAccounts")) {
                    runner.run(new DefaultApplicationArguments());
                }
            }
        }
        assertThat(demoAccounts.inDatabase()).hasSize(5);
    }
}
