package nl.spiegel.portal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;

import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.identity.Role;
import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.internal.AccountUserDetails;
import nl.spiegel.organisation.Organisation;
import nl.spiegel.organisation.OrganisationDirectory;
import nl.spiegel.organisation.SingleSignOn;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;

/** The organisation screen as its admin uses it: clear messages for refused settings, and nothing stored then. */
@SpiegelIntegrationTest
class OrganisationSettingsViewIT extends SpringBrowserlessTest {

    @Autowired
    StaffDirectory staff;
    @Autowired
    OrganisationDirectory organisations;
    @Autowired
    SingleSignOn singleSignOn;

    private Organisation organisation;

    @BeforeEach
    void anOrgAdminLoggedIn() {
        VaadinSession.getCurrent().setLocale(SpiegelI18NProvider.DUTCH);
        UI.getCurrent().setLocale(SpiegelI18NProvider.DUTCH);
        organisation = organisations.create("Praktijk Midden", "midden-" + UUID.randomUUID().toString()
                .substring(0, 8));
        StaffMember admin = staff.create("beheer-" + UUID.randomUUID() + "@example.org", "een-lang-test-wachtwoord",
                "Beheerder Midden", Role.ORG_ADMIN, organisation.id());
        AccountUserDetails principal = new AccountUserDetails(admin.userId(), admin.organisationId(), admin.role(),
                admin.displayName(), "beheer@example.org", null);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken
                .authenticated(principal, null, principal.getAuthorities()));
        navigate(OrganisationSettingsView.class);
    }

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aColourWithTooLittleContrastIsExplainedAndNotSaved() {
        test(find(TextField.class).withId("org-primary").single()).setValue("#ffcc00");
        test(find(Button.class).withId("org-save-branding").single()).click();

        Paragraph message = find(Paragraph.class).withId("org-message").single();
        assertThat(message.getText()).contains("#ffcc00", "4,5:1", "Er is niets opgeslagen");
        assertThat(message.getElement().getAttribute("role")).isEqualTo("alert");
        assertThat(organisations.find(organisation.id()).orElseThrow().branding().primaryColour()).isNull();

        test(find(TextField.class).withId("org-primary").single()).setValue("#1f5f7a");
        test(find(Button.class).withId("org-save-branding").single()).click();
        assertThat(find(Paragraph.class).withId("org-message").single().getText()).isEqualTo("Opgeslagen.");
        assertThat(organisations.find(organisation.id()).orElseThrow().branding().primaryColour())
                .isEqualTo("#1f5f7a");
    }

    @Test
    void originsAndCrisisContactsAreSavedAndTheSnippetNamesTheOrganisation() {
        test(find(TextArea.class).withId("org-origins").single()).setValue("https://portaal.midden.nl\nftp://portaal.midden.nl");
        test(find(Button.class).withId("org-save-origins").single()).click();
        assertThat(find(Paragraph.class).withId("org-message").single().getText()).contains("ftp://portaal.midden.nl");
        assertThat(organisations.find(organisation.id()).orElseThrow().embedOrigins()).isEmpty();

        test(find(TextArea.class).withId("org-origins").single()).setValue("https://portaal.midden.nl");
        test(find(Button.class).withId("org-save-origins").single()).click();
        assertThat(organisations.find(organisation.id()).orElseThrow().embedOrigins())
                .containsExactly("https://portaal.midden.nl");
        assertThat(find(Pre.class).withId("org-snippet").single().getText())
                .contains("/embed/loader.js", "data-organisation=\"" + organisation.slug() + "\"");

        test(find(TextArea.class).withId("org-contacts-nl").single())
                .setValue("Crisisdienst Midden | 030-1234567 | 9 uur");
        test(find(Button.class).withId("org-save-contacts-nl").single()).click();
        assertThat(find(Paragraph.class).withId("org-message").single().getText()).contains("regel 1");
        test(find(TextArea.class).withId("org-contacts-nl").single())
                .setValue("Crisisdienst Midden | 030-1234567 | 09:00-17:00 | Overdag");
        test(find(Button.class).withId("org-save-contacts-nl").single()).click();
        assertThat(find(Paragraph.class).withId("org-message").single().getText()).isEqualTo("Opgeslagen.");
    }

    @Test
    void aSingleSignOnIssuerThatDoesNotAnswerIsExplainedAndNothingIsSaved() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String issuer = "http://127.0.0.1:" + closedPort;
        test(find(TextField.class).withId("org-sso-issuer").single()).setValue(issuer);
        test(find(TextField.class).withId("org-sso-client-id").single()).setValue("spiegel");
        test(find(com.vaadin.flow.component.textfield.PasswordField.class).withId("org-sso-secret").single())
                .setValue("een-geheim");
        test(find(com.vaadin.flow.component.checkbox.Checkbox.class).withId("org-sso-enabled").single()).click();
        test(find(Button.class).withId("org-save-sso").single()).click();

        Paragraph message = find(Paragraph.class).withId("org-message").single();
        assertThat(message.getText()).contains(issuer, "geen bruikbaar antwoord", "Er is niets opgeslagen");
        assertThat(message.getElement().getAttribute("role")).isEqualTo("alert");
        assertThat(singleSignOn.settings(organisation.id())).isEmpty();
        assertThat(find(Pre.class).withId("org-sso-addresses").single().getText())
                .contains("/login/oauth2/code/" + organisation.slug(), "/sso/" + organisation.slug());
    }
}
