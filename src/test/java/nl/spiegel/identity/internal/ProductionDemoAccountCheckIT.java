package nl.spiegel.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.identity.DemoAccountDirectory;

/** Production refuses to start while a demo account is in the database, whatever the settings say. */
@SpiegelIntegrationTest
class ProductionDemoAccountCheckIT {

    @Autowired
    DemoAccountDirectory demoAccounts;

    @Test
    void productionDoesNotStartWhileADemoAccountExistsInTheDatabase() {
        // the test profile switches demo accounts on, so all five are in this database
        assertThat(demoAccounts.inDatabase()).hasSize(5);

        ProductionDemoAccountCheck check = new ProductionDemoAccountCheck(demoAccounts);

        assertThatThrownBy(check::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("prod profile").hasMessageContaining("5 demo account(s)");
        assertThat(check.isRunning()).isFalse();
    }
}
