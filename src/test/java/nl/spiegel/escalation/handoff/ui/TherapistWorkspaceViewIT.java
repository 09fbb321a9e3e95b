package nl.spiegel.escalation.handoff.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.checkbox.Checkbox;

import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.escalation.handoff.HandoffService;
import nl.spiegel.identity.Role;
import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.internal.AccountUserDetails;
import nl.spiegel.learn.ui.LearnView;
import nl.spiegel.organisation.OrganisationId;

/** The therapist workspace without a browser: on duty only while the workspace is open. */
@SpiegelIntegrationTest
class TherapistWorkspaceViewIT extends SpringBrowserlessTest {

    @Autowired
    StaffDirectory staff;
    @Autowired
    HandoffService handoffs;

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void leavingTheWorkspaceEndsDutySoNobodyIsToldSomeoneIsThere() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        StaffMember therapist = staff.create("therapeut-" + unique + "@example.org", "een-lang-test-wachtwoord",
                "Therapeut " + unique, Role.THERAPIST, OrganisationId.DEFAULT);
        AccountUserDetails principal = new AccountUserDetails(therapist.userId(), therapist.organisationId(),
                therapist.role(), therapist.displayName(), "therapeut-" + unique + "@example.org", null);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken
                .authenticated(principal, null, principal.getAuthorities()));

        navigate(TherapistWorkspaceView.class);
        test(find(Checkbox.class).withId("on-duty").single()).click();
        assertThat(handoffs.isOnDuty(therapist.userId())).isTrue();

        navigate(LearnView.class);

        assertThat(handoffs.isOnDuty(therapist.userId())).as("the workspace is closed").isFalse();
    }
}
