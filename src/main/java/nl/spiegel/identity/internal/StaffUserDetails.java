package nl.spiegel.identity.internal;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import nl.spiegel.identity.Role;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.UserId;
import nl.spiegel.organisation.OrganisationId;

/**
 * The principal of a logged-in staff member. Kept in the HTTP session, so it holds plain strings (the id records are
 * not serializable) and drops the password hash after login.
 */
public final class StaffUserDetails implements UserDetails, CredentialsContainer {

    private final String userId;
    private final String organisationId;
    private final String displayName;
    private final String role;
    private final String username;
    private String passwordHash;

    StaffUserDetails(StaffMember member, String username, String passwordHash) {
        this.userId = member.userId().toString();
        this.organisationId = member.organisationId().toString();
        this.displayName = member.displayName();
        this.role = member.role().name();
        this.username = username;
        this.passwordHash = passwordHash;
    }

    public StaffMember member() {
        return new StaffMember(UserId.parse(userId), OrganisationId.parse(organisationId), displayName,
                Role.valueOf(role));
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(Role.valueOf(role).authority()));
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
        return other instanceof StaffUserDetails details && details.userId.equals(userId);
    }

    @Override
    public int hashCode() {
        return userId.hashCode();
    }

    @Override
    public String toString() {
        // no e-mail address or name: principals end up in logs and debug output
        return "StaffUserDetails[" + userId + ", " + role + "]";
    }
}
