package nl.spiegel.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.RouteNotFoundError;
import com.vaadin.flow.server.VaadinSession;

import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.audit.AuditAction;
import nl.spiegel.audit.AuditEntry;
import nl.spiegel.identity.Role;
import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.internal.AccountUserDetails;
import nl.spiegel.identity.ui.LoginView;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;

/** The audit trail page without a browser: closed to visitors and clients, filled and downloadable for admins. */
@SpiegelIntegrationTest
class AuditLogViewIT extends SpringBrowserlessTest {

    @Autowired
    StaffDirectory staff;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void dutch() {
        VaadinSession.getCurrent().setLocale(SpiegelI18NProvider.DUTCH);
        UI.getCurrent().setLocale(SpiegelI18NProvider.DUTCH);
    }

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aVisitorCannotOpenTheAuditTrail() {
        navigate("admin/audit", com.vaadin.flow.component.Component.class);

        assertThat(getCurrentView()).as("sent to log in").isInstanceOf(LoginView.class);
        assertThat(find(Grid.class).all()).isEmpty();
    }

    @Test
    void aLoggedInClientCannotOpenTheAuditTrail() {
        AccountUserDetails client = new AccountUserDetails(nl.spiegel.identity.UserId.random(),
                OrganisationId.DEFAULT, Role.CLIENT, "", "client-" + UUID.randomUUID() + "@example.org", null);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(client, null, client.getAuthorities()));

        navigate("admin/audit", com.vaadin.flow.component.Component.class);

        assertThat(getCurrentView()).as("a page that is not there for them").isInstanceOf(RouteNotFoundError.class);
        assertThat(find(Grid.class).all()).isEmpty();
    }

    @Test
    void aTherapistCannotOpenTheAuditTrail() {
        logIn(member(Role.THERAPIST));

        navigate("admin/audit", com.vaadin.flow.component.Component.class);

        assertThat(getCurrentView()).isInstanceOf(RouteNotFoundError.class);
    }

    @Test
    void anOrgAdminSeesTheEntriesOfTheirOrganisationIncludingTheirOwnLookAndCanDownloadThem() throws Exception {
        StaffMember admin = member(Role.ORG_ADMIN);
        logIn(admin);

        navigate(AuditLogView.class);

        assertThat(find(Paragraph.class).withId("audit-scope").single().getText())
                .contains("eigen organisatie");
        @SuppressWarnings("unchecked")
        Grid<AuditEntry> grid = find(Grid.class).withId("audit-grid").single();
        assertThat(test(grid).size()).isPositive();
        AuditEntry newest = test(grid).getRow(0);
        assertThat(newest.action()).isEqualTo(AuditAction.VIEW);
        assertThat(newest.recordType()).isEqualTo("AUDIT_TRAIL");
        assertThat(newest.actor()).isEqualTo(admin.userId());
        assertThat(newest.clientAddress()).as("captured when the page loaded").isNotBlank()
                .isEqualTo(VaadinSession.getCurrent().getSession()
                        .getAttribute("nl.spiegel.audit.internal.ClientContext.address"));
        assertThat(newest.sessionRef()).hasSize(64);
        assertThat(test(grid).getCellText(0, 1)).isEqualTo("Bekeken");
        for (int row = 0; row < test(grid).size(); row++) {
            assertThat(test(grid).getRow(row).organisation()).isEqualTo(OrganisationId.DEFAULT);
        }

        @SuppressWarnings("unchecked")
        Select<AuditAction> action = find(Select.class).withId("audit-action").single();
        test(action).selectItem("Gedownload");
        test(find(Button.class).withId("audit-search").single()).click();
        for (int row = 0; row < test(grid).size(); row++) {
            assertThat(test(grid).getRow(row).action()).isEqualTo(AuditAction.EXPORT);
        }

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        test(find(Anchor.class).withId("audit-export").single()).download(csv);
        assertThat(csv.toString(StandardCharsets.UTF_8)).startsWith("id,occurred_at,action")
                .contains(",EXPORT,AUDIT_TRAIL,");
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM audit_events e JOIN audit_pseudonyms p ON p.pseudonym = e.actor_ref
                WHERE p.user_id = ? AND e.action = 'EXPORT' AND e.record_type = 'AUDIT_TRAIL'""")
                .param(admin.userId().toString()).query(Integer.class).single()).isEqualTo(1);
    }

    private StaffMember member(Role role) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return staff.create(role.name().toLowerCase() + "-" + unique + "@example.org", "een-lang-test-wachtwoord",
                "Beheer " + unique, role, OrganisationId.DEFAULT);
    }

    private static void logIn(StaffMember member) {
        AccountUserDetails principal = new AccountUserDetails(member.userId(), member.organisationId(),
                member.role(), member.displayName(), "someone@example.org", null);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    }
}
