package nl.spiegel.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.organisation.OrganisationId;

@SpiegelIntegrationTest
class StaffAccountsIT {

    @Autowired
    StaffDirectory staff;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    VisitorService visitors;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theDemoTherapistCanLogInWithTheConfiguredPasswordStoredAsBcrypt() {
        UserDetails demo = userDetails.loadUserByUsername("Therapeut@Spiegel.local ");

        assertThat(demo.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_THERAPIST");
        assertThat(passwords.matches("spiegel-demo-therapeut", demo.getPassword())).isTrue();
        String hash = jdbc.sql("SELECT password_hash FROM users WHERE email = 'therapeut@spiegel.local'")
                .query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain("spiegel-demo-therapeut");
        var row = jdbc.sql("SELECT organisation_id, display_name, role FROM users WHERE email = ?")
                .param("therapeut@spiegel.local").query().singleRow();
        assertThat(row).containsEntry("organisation_id", OrganisationId.DEFAULT.toString())
                .containsEntry("display_name", "Demo Therapeut").containsEntry("role", "THERAPIST");
    }

    @Test
    void visitorsAreClientsAndCannotLogIn() {
        Visitor visitor = visitors.resolve(VisitorToken.generate());

        assertThat(jdbc.sql("SELECT role FROM users WHERE id = ?").param(visitor.userId().toString())
                .query(String.class).single()).isEqualTo("CLIENT");
        assertThat(staff.find(visitor.userId())).isEmpty();
        assertThatThrownBy(() -> userDetails.loadUserByUsername(visitor.userId().toString()))
                .isInstanceOf(UsernameNotFoundException.class);
    }

    @Test
    void aCreatedTherapistIsFoundWithRoleOrganisationAndName() {
        String email = "nieuw-" + UUID.randomUUID() + "@example.org";
        StaffMember created = staff.create(email, "nog-een-lang-wachtwoord", " Sanne de Vries ", Role.THERAPIST,
                OrganisationId.DEFAULT);

        assertThat(staff.find(created.userId())).contains(
                new StaffMember(created.userId(), OrganisationId.DEFAULT, "Sanne de Vries", Role.THERAPIST));
        assertThat(userDetails.loadUserByUsername(email.toUpperCase(java.util.Locale.ROOT)).getUsername())
                .isEqualTo(email);
        assertThatThrownBy(() -> staff.create(email, "nog-een-lang-wachtwoord", "Dubbel", Role.THERAPIST,
                OrganisationId.DEFAULT)).isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        assertThatThrownBy(() -> staff.create("kort-" + email, "kort", "Kort", Role.THERAPIST, OrganisationId.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
