package nl.spiegel.identity.internal;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import nl.spiegel.identity.AccountProperties;
import nl.spiegel.identity.DemoAccountProperties;

/**
 * The {@code prod} profile refuses to start with anything that is only meant for trying Spiegel out: demo accounts
 * with their published passwords and TOTP secret. (Missing encryption keys and a missing external database are
 * refused where those are configured.)
 */
@Component
@Profile("prod")
class ProductionSafetyCheck implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(ProductionSafetyCheck.class);

    private final DemoAccountProperties demo;
    private final AccountProperties accounts;

    ProductionSafetyCheck(DemoAccountProperties demo, AccountProperties accounts) {
        this.demo = demo;
        this.accounts = accounts;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> problems = problems(demo);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Spiegel will not start in the prod profile: " + String.join(" ", problems));
        }
        if (!"https".equals(accounts.publicUrl().getScheme()) || "localhost".equals(accounts.publicUrl().getHost())) {
            log.warn("spiegel.accounts.public-url is {}: links in account e-mails will not work for people; set "
                    + "SPIEGEL_ACCOUNTS_PUBLICURL to the https address of this installation", accounts.publicUrl());
        }
    }

    static List<String> problems(DemoAccountProperties demo) {
        List<String> problems = new ArrayList<>();
        if (demo.enabled()) {
            problems.add("Demo accounts are enabled (spiegel.demo-accounts.enabled=true): anyone who read the README "
                    + "can log in as staff. Set SPIEGEL_DEMOACCOUNTS_ENABLED=false.");
        }
        if (demo.enabled() && List.of("spiegel-demo-client", "spiegel-demo-therapeut", "spiegel-demo-beheerder",
                "spiegel-demo-platform", "spiegel-demo-redacteur").stream().anyMatch(List.of(demo.clientPassword(),
                demo.therapistPassword(), demo.orgAdminPassword(), demo.platformAdminPassword(),
                demo.contentEditorPassword())::contains)) {
            problems.add("Demo passwords are the published defaults.");
        }
        if (demo.enabled()
                && DemoAccountProperties.DEMO_TOTP_SECRET.equalsIgnoreCase(demo.totpSecret().replace(" ", ""))) {
            problems.add("The demo TOTP secret is the published default.");
        }
        return problems;
    }
}
