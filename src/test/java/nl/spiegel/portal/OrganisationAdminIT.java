package nl.spiegel.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.identity.LoginResult;
import nl.spiegel.identity.LoginService;
import nl.spiegel.identity.Role;
import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.organisation.Organisation;
import nl.spiegel.organisation.OrganisationDirectory;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.organisation.OrganisationSettingsException;

/** Creating and changing organisations on the real database: who may, what is checked, and that refusals store nothing. */
@SpiegelIntegrationTest
class OrganisationAdminIT {

    /** A PNG's signature and header (IHDR: 1 x 1 pixels), which is what the logo check reads. */
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13,
            'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0, 0, 0, 0};

    @Autowired
    OrganisationAdmin admin;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    StaffDirectory staff;
    @Autowired
    LoginService logins;
    @Autowired
    JdbcClient jdbc;

    private StaffMember platform;
    private Organisation organisation;
    private StaffMember orgAdmin;

    @BeforeEach
    void anOrganisationWithItsAdmin() {
        platform = member(Role.PLATFORM_ADMIN, OrganisationId.DEFAULT);
        organisation = admin.create(platform.userId(), "Praktijk Zuid", "zuid-" + unique());
        orgAdmin = member(Role.ORG_ADMIN, organisation.id());
    }

    @Test
    void onlyPlatformAdminsCreateOrganisationsWithAFreeWellFormedSlug() {
        assertThat(directory.bySlug(organisation.slug())).contains(organisation);
        assertThatThrownBy(() -> admin.create(orgAdmin.userId(), "Eigen", "eigen-" + unique()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> admin.create(platform.userId(), "Dubbel", organisation.slug()))
                .isInstanceOf(OrganisationSettingsException.class).hasMessage("organisation.error.slug-taken");
        assertThatThrownBy(() -> admin.create(platform.userId(), "Fout", "Met Spatie"))
                .isInstanceOf(OrganisationSettingsException.class).hasMessage("organisation.error.slug");
    }

    @Test
    void anOrganisationAdminChangesOnlyTheirOwnOrganisation() {
        Organisation other = admin.create(platform.userId(), "Praktijk West", "west-" + unique());
        assertThat(admin.administered(orgAdmin.userId())).extracting(Organisation::id)
                .containsExactly(organisation.id());
        assertThat(admin.administered(platform.userId())).extracting(Organisation::id)
                .contains(organisation.id(), other.id());
        assertThatThrownBy(() -> admin.saveBranding(orgAdmin.userId(), other.id(), "Overgenomen", null, null, null,
                null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> admin.saveEmbedOrigins(orgAdmin.userId(), other.id(),
                List.of("https://evil.example"))).isInstanceOf(AccessDeniedException.class);
        StaffMember therapist = member(Role.THERAPIST, organisation.id());
        assertThatThrownBy(() -> admin.saveBranding(therapist.userId(), organisation.id(), "Ik ook", null, null,
                null, null)).isInstanceOf(AccessDeniedException.class);
        assertThat(directory.find(other.id()).orElseThrow().name()).isEqualTo("Praktijk West");
    }

    @Test
    void coloursWithTooLittleContrastAreRefusedAndNothingIsStored() {
        admin.saveBranding(orgAdmin.userId(), organisation.id(), "Praktijk Zuid", "#1f5f7a", "#5f1f7a",
                "Welkom", "Welcome");
        assertThatThrownBy(() -> admin.saveBranding(orgAdmin.userId(), organisation.id(), "Nieuwe naam", "#ffcc00",
                "#5f1f7a", "Hoi", "Hi"))
                .isInstanceOf(OrganisationSettingsException.class)
                .hasMessage("organisation.error.primary-contrast")
                .satisfies(e -> assertThat(((OrganisationSettingsException) e).arguments())
                        .containsExactly("#ffcc00", "1.5"));
        assertThatThrownBy(() -> admin.saveBranding(orgAdmin.userId(), organisation.id(), "Nieuwe naam", "#1f5f7a",
                "#999999", "Hoi", "Hi")).hasMessage("organisation.error.accent-contrast");
        Organisation stored = directory.find(organisation.id()).orElseThrow();
        assertThat(stored.name()).isEqualTo("Praktijk Zuid");
        assertThat(stored.branding().primaryColour()).isEqualTo("#1f5f7a");
        assertThat(stored.branding().welcome(Locale.ENGLISH)).contains("Welcome");
        assertThat(directory.stylesheet(organisation.slug()).orElseThrow())
                .contains("--lumo-primary-color: #1f5f7a;", "--lumo-primary-text-color: #5f1f7a;");
    }

    @Test
    void aLogoThatIsNotAnImageOrTooLargeIsRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> admin.saveLogo(orgAdmin.userId(), organisation.id(),
                "<svg onload=alert(1)/>".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("organisation.error.logo.not-an-image");
        assertThat(directory.logo(organisation.slug())).isEmpty();
        byte[] huge = new byte[300 * 1024];
        System.arraycopy(PNG, 0, huge, 0, PNG.length);
        assertThatThrownBy(() -> admin.saveLogo(orgAdmin.userId(), organisation.id(), huge))
                .hasMessage("organisation.error.logo.too-large");
        assertThat(directory.logo(organisation.slug())).isEmpty();

        admin.saveLogo(orgAdmin.userId(), organisation.id(), PNG);
        assertThat(directory.logo(organisation.slug())).hasValueSatisfying(logo ->
                assertThat(logo.contentType()).isEqualTo("image/png"));
        assertThat(directory.stylesheet(organisation.slug()).orElseThrow())
                .contains("/branding/" + organisation.slug() + "/logo");
    }

    @Test
    void embedOriginsAreOnlySchemeHostAndPort() {
        assertThat(admin.saveEmbedOrigins(orgAdmin.userId(), organisation.id(),
                List.of(" https://Portaal.Example.org/ ", "http://127.0.0.1:8081", "")))
                .containsExactly("https://portaal.example.org", "http://127.0.0.1:8081");
        for (String bad : List.of("https://*.example.org", "https://example.org/pad", "javascript:alert(1)",
                "https://example.org; script-src *", "ftp://example.org")) {
            assertThatThrownBy(() -> admin.saveEmbedOrigins(orgAdmin.userId(), organisation.id(), List.of(bad)))
                    .as(bad).hasMessage("organisation.error.origin");
        }
        assertThat(directory.find(organisation.id()).orElseThrow().embedOrigins())
                .containsExactly("https://portaal.example.org", "http://127.0.0.1:8081");
    }

    @Test
    void offeredDialoguesLimitWhatTheOrganisationOffers() {
        admin.saveOfferedDialogues(orgAdmin.userId(), organisation.id(), List.of("kennismaking", "emoties"));
        Organisation stored = directory.find(organisation.id()).orElseThrow();
        assertThat(stored.offers("kennismaking")).isTrue();
        assertThat(stored.offers("wensen")).isFalse();
        admin.saveOfferedDialogues(orgAdmin.userId(), organisation.id(), List.of());
        assertThat(directory.find(organisation.id()).orElseThrow().offers("wensen")).isTrue();
    }

    @Test
    void therapistsAreInvitedByEmailAndDeactivatedOnlyByTheirOwnOrganisation() {
        String email = "therapeut-" + unique() + "@example.org";
        StaffMember invited = admin.inviteTherapist(orgAdmin.userId(), organisation.id(), email, "Therapeut Zuid",
                Locale.of("nl"));
        assertThat(invited.organisationId()).isEqualTo(organisation.id());
        assertThat(admin.therapists(orgAdmin.userId(), organisation.id()))
                .anySatisfy(entry -> {
                    assertThat(entry.getKey().userId()).isEqualTo(invited.userId());
                    assertThat(entry.getValue()).as("deactivated").isFalse();
                });
        assertThatThrownBy(() -> admin.inviteTherapist(orgAdmin.userId(), organisation.id(), email, "Nog eens",
                Locale.of("nl"))).hasMessage("organisation.error.email-taken");
        assertThatThrownBy(() -> admin.inviteTherapist(orgAdmin.userId(), organisation.id(), "geen-adres", "X",
                Locale.of("nl"))).hasMessage("organisation.error.email");

        Organisation other = admin.create(platform.userId(), "Praktijk Noordoost", "no-" + unique());
        StaffMember otherAdmin = member(Role.ORG_ADMIN, other.id());
        assertThatThrownBy(() -> admin.deactivateTherapist(otherAdmin.userId(), organisation.id(),
                invited.userId())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> admin.deactivateTherapist(otherAdmin.userId(), other.id(), invited.userId()))
                .as("a therapist of another organisation, through one's own").isInstanceOf(AccessDeniedException.class);

        StaffMember withPassword = member(Role.THERAPIST, organisation.id());
        String address = jdbc.sql("SELECT email FROM users WHERE id = ?").param(withPassword.userId().toString())
                .query(String.class).single();
        assertThat(logins.logIn(address, "een-lang-test-wachtwoord", "127.0.0.1"))
                .isNotInstanceOf(LoginResult.Failed.class);
        admin.deactivateTherapist(orgAdmin.userId(), organisation.id(), withPassword.userId());
        assertThat(logins.logIn(address, "een-lang-test-wachtwoord", "127.0.0.2"))
                .as("a deactivated therapist cannot log in").isInstanceOf(LoginResult.Failed.class);
        assertThat(admin.therapists(orgAdmin.userId(), organisation.id()))
                .anySatisfy(entry -> {
                    assertThat(entry.getKey().userId()).isEqualTo(withPassword.userId());
                    assertThat(entry.getValue()).as("deactivated").isTrue();
                });
    }

    @Test
    void aContentEditorIsInvitedLikeATherapistListedWithTheStaffAndDeactivatedOnlyByItsOwnOrganisation() {
        String email = "schrijver-" + unique() + "@example.org";
        StaffMember editor = admin.inviteContentEditor(orgAdmin.userId(), organisation.id(), email, "Schrijver Zuid",
                Locale.of("nl"));

        assertThat(editor.role()).isEqualTo(Role.CONTENT_EDITOR);
        assertThat(editor.organisationId()).isEqualTo(organisation.id());
        assertThat(admin.therapists(orgAdmin.userId(), organisation.id()))
                .anySatisfy(entry -> assertThat(entry.getKey().userId()).isEqualTo(editor.userId()));
        Organisation other = admin.create(platform.userId(), "Praktijk West", "west-" + unique());
        StaffMember otherAdmin = member(Role.ORG_ADMIN, other.id());
        assertThatThrownBy(() -> admin.inviteContentEditor(otherAdmin.userId(), organisation.id(),
                "x-" + unique() + "@example.org", "X", Locale.of("nl"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> admin.deactivateTherapist(otherAdmin.userId(), other.id(), editor.userId()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> admin.organisation(editor.userId(), organisation.id()))
                .as("a content editor does not manage the organisation").isInstanceOf(AccessDeniedException.class);

        admin.deactivateTherapist(orgAdmin.userId(), organisation.id(), editor.userId());
        assertThat(admin.therapists(orgAdmin.userId(), organisation.id()))
                .anySatisfy(entry -> {
                    assertThat(entry.getKey().userId()).isEqualTo(editor.userId());
                    assertThat(entry.getValue()).as("deactivated").isTrue();
                });
    }

    private StaffMember member(Role role, OrganisationId organisation) {
        return staff.create(role.name().toLowerCase(Locale.ROOT) + "-" + unique() + "@example.org",
                "een-lang-test-wachtwoord", role.name() + " " + unique(), role, organisation);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
