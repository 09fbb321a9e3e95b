package nl.spiegel.identity.internal;

import java.util.List;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import nl.spiegel.identity.DemoAccountDirectory;
import nl.spiegel.identity.UserId;

/**
 * The {@code prod} profile refuses to start while any demo account exists in the database, whatever the settings say:
 * their passwords and TOTP secret are published. Runs as the first lifecycle phase, so after the start-up removal of
 * demo accounts (done when all beans exist) and before the web server accepts a single request.
 */
@Component
@Profile("prod")
class ProductionDemoAccountCheck implements SmartLifecycle {

    private final DemoAccountDirectory demoAccounts;
    private volatile boolean running;

    ProductionDemoAccountCheck(DemoAccountDirectory demoAccounts) {
        this.demoAccounts = demoAccounts;
    }

    @Override
    public void start() {
        List<UserId> present = demoAccounts.inDatabase();
        if (!present.isEmpty()) {
            throw new IllegalStateException("Spiegel will not start in the prod profile: " + present.size()
                    + " demo account(s) with published passwords exist in the database (user ids " + present
                    + ") and could not be removed at start-up; see the log for why, and remove them.");
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE;
    }
}
