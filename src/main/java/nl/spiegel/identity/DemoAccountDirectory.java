package nl.spiegel.identity;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.spiegel.identity.internal.AccountRepository;

/**
 * Which demo accounts exist in the database. They are found by their fixed addresses, so also accounts made by an
 * earlier start with other settings, or by another node, are found.
 */
@Service
public class DemoAccountDirectory {

    private final AccountRepository accounts;

    DemoAccountDirectory(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Transactional(readOnly = true)
    public List<UserId> inDatabase() {
        return accounts.idsByEmail(DemoAccountProperties.EMAILS);
    }
}
