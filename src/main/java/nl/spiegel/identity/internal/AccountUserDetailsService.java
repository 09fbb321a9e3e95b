package nl.spiegel.identity.internal;

import java.util.Locale;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts by e-mail address, for Spring Security's contract. Logging in itself goes through
 * {@link nl.spiegel.identity.LoginService}, which adds throttling and the second step; anonymous visitors have no
 * address and are never found here.
 */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;

    AccountUserDetailsService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        String email = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return accounts.findByEmail(email)
                .map(row -> new AccountUserDetails(row.userId(), row.organisationId(), row.role(), row.displayName(),
                        email, row.passwordHash()))
                .orElseThrow(() -> new UsernameNotFoundException("no account"));
    }
}
