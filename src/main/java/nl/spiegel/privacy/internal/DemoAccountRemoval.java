package nl.spiegel.privacy.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import nl.spiegel.identity.DemoAccountDirectory;
import nl.spiegel.identity.DemoAccountProperties;
import nl.spiegel.identity.UserId;
import nl.spiegel.privacy.PersonalDataService;

/**
 * Switching demo accounts off removes them: at every start-up without {@code spiegel.demo-accounts.enabled}, any demo
 * account still in the database is deleted with everything it made, so their published passwords stop working. Runs
 * when all beans exist (the changelog has been applied), before the web server starts.
 */
@Component
class DemoAccountRemoval implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoAccountRemoval.class);

    private final DemoAccountProperties properties;
    private final DemoAccountDirectory demoAccounts;
    private final PersonalDataService personalData;

    DemoAccountRemoval(DemoAccountProperties properties, DemoAccountDirectory demoAccounts,
                       PersonalDataService personalData) {
        this.properties = properties;
        this.demoAccounts = demoAccounts;
        this.personalData = personalData;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (properties.enabled()) {
            return;
        }
        for (UserId demo : demoAccounts.inDatabase()) {
            try {
                personalData.deleteDemoAccount(demo);
            } catch (DataAccessException e) {
                // e.g. a demo therapist who handled real handoffs: those records point at the account
                log.warn("demo account {} could not be deleted ({}); remove it by hand", demo,
                        e.getClass().getSimpleName());
            }
        }
    }
}
