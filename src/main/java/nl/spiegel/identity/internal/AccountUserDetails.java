package nl.spiegel.identity.internal;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import nl.spiegel.identity.Role;
import nl.spiegel.identity.UserId;
import nl.spiegel.organisation.OrganisationId;

/**
 * The principal of a logged-in account, of any role. Kept in the HTTP session, so it holds plain strings (the id
 * records are not serializable) and drops the password hash after login.
 */
public final class AccountUserDetails implements UserDetails, CredentialsContainer, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String userId;
    private final String organisationId;
    private final String displayName;
    private final String role;
    private final String username;
    private String passwordHash;

    public AccountUserDetails(UserId userId, OrganisationId organisationId, Role role, String displayName,
                              String username, String passwordHash) {
        this.userId = userId.toString();
        this.organisationId = organisationId.toString();
        this.displayName = displayName == null ? "" : displayName;
        this.role = role.name();
        this.username = username;
        this.passwordHash = passwordHash;
    }

    public UserId userId() {
        return UserId.parse(userId);
    }

    public OrganisationId organisationId() {
        return OrganisationId.parse(organisationId);
    }

    public Role role() {
        return Role.valueOf(role);
    }

    public String displayName() {
        return displayName;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role().authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AccountUserDetails details && details.userId.equals(userId);
    }

    @Override
    public int hashCode() {
        return userId.hashCode();
    }

    @Override
    public String toString() {
        // no e-mail address or name: principals end up in logs and debug output
        return "AccountUserDetails[" + userId + ", " + role + "]";
    }
}
