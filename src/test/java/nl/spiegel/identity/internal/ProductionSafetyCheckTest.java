package nl.spiegel.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import nl.spiegel.identity.AccountProperties;
import nl.spiegel.identity.DemoAccountProperties;

class ProductionSafetyCheckTest {

    private static final AccountProperties ACCOUNTS = new AccountProperties(URI.create("https://spiegel.example.org"),
            12, Duration.ofHours(24), Duration.ofMinutes(30), 5);

    @Test
    void productionRefusesToStartWithTheDemoAccountsAndSaysWhatToDo() {
        DemoAccountProperties demo = new DemoAccountProperties(true, "spiegel-demo-client", "spiegel-demo-therapeut",
                "spiegel-demo-beheerder", "spiegel-demo-platform", "spiegel-demo-redacteur", DemoAccountProperties.DEMO_TOTP_SECRET);

        assertThatThrownBy(() -> new ProductionSafetyCheck(demo, ACCOUNTS).afterPropertiesSet())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("prod profile")
                .hasMessageContaining("SPIEGEL_DEMOACCOUNTS_ENABLED=false")
                .hasMessageContaining("Demo passwords are the published defaults")
                .hasMessageContaining("demo TOTP secret");
    }

    @Test
    void theProdProfileWithDemoAccountsSwitchedOnDoesNotStartButOtherProfilesDo() {
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withUserConfiguration(Wiring.class, ProductionSafetyCheck.class);

        runner.withInitializer(context -> context.getEnvironment().setActiveProfiles("prod"))
                .withPropertyValues("spiegel.demo-accounts.enabled=true")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("Demo accounts are enabled"));
        runner.withInitializer(context -> context.getEnvironment().setActiveProfiles("prod"))
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(ProductionSafetyCheck.class));
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ProductionSafetyCheck.class));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({DemoAccountProperties.class, AccountProperties.class})
    static class Wiring {
    }

    @Test
    void productionStartsWithoutDemoAccounts() {
        DemoAccountProperties demo = new DemoAccountProperties(false, "spiegel-demo-client", "spiegel-demo-therapeut",
                "spiegel-demo-beheerder", "spiegel-demo-platform", "spiegel-demo-redacteur", DemoAccountProperties.DEMO_TOTP_SECRET);

        new ProductionSafetyCheck(demo, ACCOUNTS).afterPropertiesSet();
        assertThat(ProductionSafetyCheck.problems(demo)).isEmpty();
    }
}
