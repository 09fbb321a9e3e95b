package nl.spiegel.identity.internal;

import java.util.Locale;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff log in with their e-mail address. Anonymous visitors never log in and are not found here. */
@Service
class StaffUserDetailsService implements UserDetailsService {

    private final StaffRepository staff;

    StaffUserDetailsService(StaffRepository staff) {
        this.staff = staff;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        String email = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return staff.findLogin(email)
                .filter(login -> login.passwordHash() != null)
                .map(login -> new StaffUserDetails(login.member(), email, login.passwordHash()))
                .orElseThrow(() -> new UsernameNotFoundException("no staff account"));
    }
}
