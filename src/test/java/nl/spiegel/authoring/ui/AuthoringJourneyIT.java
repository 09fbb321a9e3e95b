package nl.spiegel.authoring.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.RouteNotFoundError;
import com.vaadin.flow.server.VaadinSession;

import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.authoring.AuthoringFixtures;
import nl.spiegel.dialogue.ui.ChatView;
import nl.spiegel.dialogue.ui.PreviewView;
import nl.spiegel.dialogue.ui.StartView;
import nl.spiegel.identity.Role;
import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.Visitor;
import nl.spiegel.identity.VisitorService;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;

/**
 * The whole authoring journey without a browser: an admin uploads a script with a mistake, sees the line, fixes it,
 * walks it through as a preview (nothing stored), publishes it, and a person of the organisation completes it.
 */
@SpiegelIntegrationTest
class AuthoringJourneyIT extends SpringBrowserlessTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    StaffDirectory staff;
    @Autowired
    VisitorService visitors;

    AuthoringFixtures fixtures;

    @BeforeEach
    void dutch() {
        fixtures = new AuthoringFixtures(jdbc, staff, visitors);
        VaadinSession.getCurrent().setLocale(SpiegelI18NProvider.DUTCH);
        UI.getCurrent().setLocale(SpiegelI18NProvider.DUTCH);
    }

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anAdminUploadsFixesPreviewsAndPublishesAndAPersonOfTheOrganisationCompletesIt() {
        OrganisationId clinic = fixtures.organisation();
        StaffMember admin = fixtures.admin(clinic);
        String scriptId = "kliniek-" + UUID.randomUUID().toString().substring(0, 8);
        String good = AuthoringFixtures.script(scriptId, "Welkom bij de kliniek.");
        String broken = good.replace("    type: reflection\n", "    type: reflectie\n");
        AuthoringFixtures.logIn(admin.userId(), clinic, admin.role());

        navigate(ScriptEditorView.class);
        test(find(Upload.class).withId("authoring-upload").single())
                .upload(scriptId + ".yaml", "text/yaml", broken.getBytes(StandardCharsets.UTF_8));

        int brokenLine = AuthoringFixtures.lineOf(broken, "type: reflectie");
        assertThat(text(find(Div.class).withId("problem-1").single()))
                .isEqualTo("Regel " + brokenLine + ", kolom 5: Het soort stap \"reflectie\" bestaat niet. "
                        + "Gebruik message, question, choice, reflection, branch, exercise of end.");
        assertThat(find(Div.class).withId("problem-2").exists()).isFalse();
        assertThat(find(TextArea.class).withId("authoring-source").single().getValue()).isEqualTo(broken);
        assertThat(text(find(com.vaadin.flow.component.html.Pre.class).withId("authoring-gutter").single()))
                .startsWith("1\n2\n3\n").contains("\n" + brokenLine + "\n");

        test(find(Button.class).withId("authoring-publish").single()).click();
        assertThat(text(find(Paragraph.class).withId("authoring-status").single())).contains("Niet gepubliceerd");
        assertThat(storedVersions(scriptId)).isZero();

        test(find(TextArea.class).withId("authoring-source").single()).setValue(good);
        test(find(Button.class).withId("authoring-check").single()).click();
        assertThat(find(Div.class).withClassName("sp-problem").exists()).isFalse();
        assertThat(text(find(Paragraph.class).withId("authoring-status").single())).startsWith("Alles in orde");

        int sessionsBefore = sessions();
        test(find(Button.class).withId("authoring-preview").single()).click();
        assertThat(getCurrentView()).isInstanceOf(PreviewView.class);
        assertThat(text(find(Span.class).withId("preview-badge").single())).isEqualTo("Voorbeeld");
        assertThat(text(find(Div.class).withId("chat-log").single())).contains("Welkom bij de kliniek.");
        walkToTheEnd();
        assertThat(find(Paragraph.class).withId("preview-done").exists()).isTrue();
        assertThat(sessions()).as("a preview stores no session").isEqualTo(sessionsBefore);
        assertThat(storedVersions(scriptId)).as("a preview publishes nothing").isZero();

        test(find(Button.class).withId("preview-back").single()).click();
        assertThat(getCurrentView()).isInstanceOf(ScriptEditorView.class);
        test(find(TextArea.class).withId("authoring-source").single()).setValue(good);
        test(find(Button.class).withId("authoring-publish").single()).click();
        assertThat(text(find(Paragraph.class).withId("authoring-status").single()))
                .isEqualTo("Gepubliceerd als versie 1.");
        assertThat(find(Button.class).withId("open-1").exists()).isTrue();

        Visitor person = fixtures.person(clinic);
        AuthoringFixtures.logIn(person.userId(), clinic, Role.CLIENT);
        navigate(StartView.class);
        test(find(Button.class, find(ListItem.class).withAttribute("data-dialogue", scriptId).single()).single())
                .click();
        assertThat(getCurrentView()).isInstanceOf(ChatView.class);
        walkToTheEnd();
        // the chat's bubbles are markup (one element per step, MessageBubble.turn)
        assertThat(org.jsoup.Jsoup.parseBodyFragment(find(Div.class).withId("chat-log").single().getElement()
                .getOuterHTML()).select("div.sp-turn > div.sp-summary-card")).hasSize(1);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM dialogue_sessions
                WHERE user_id = ? AND script_id = ? AND script_version = 1 AND status = 'FINISHED'""")
                .params(person.userId().toString(), scriptId).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aTherapistCannotOpenTheEditor() {
        OrganisationId clinic = fixtures.organisation();
        StaffMember therapist = fixtures.member(Role.THERAPIST, clinic);
        AuthoringFixtures.logIn(therapist.userId(), clinic, Role.THERAPIST);

        navigate("admin/dialogues", Component.class);

        assertThat(getCurrentView()).isInstanceOf(RouteNotFoundError.class);
    }

    @Test
    void aContentEditorWritesAndPublishesButIsNotShownTheFiguresAndCannotOpenThem() {
        OrganisationId clinic = fixtures.organisation();
        StaffMember editor = fixtures.member(Role.CONTENT_EDITOR, clinic);
        AuthoringFixtures.logIn(editor.userId(), clinic, Role.CONTENT_EDITOR);
        String scriptId = "redactie-" + java.util.UUID.randomUUID().toString().substring(0, 8);

        navigate(ScriptEditorView.class);
        assertThat(find(com.vaadin.flow.component.html.Anchor.class).withId("authoring-to-analytics").exists())
                .as("no link to the figures about people").isFalse();
        test(find(TextArea.class).withId("authoring-source").single())
                .setValue(AuthoringFixtures.script(scriptId, "Welkom bij de kliniek."));
        test(find(Button.class).withId("authoring-publish").single()).click();
        assertThat(text(find(Paragraph.class).withId("authoring-status").single()))
                .isEqualTo("Gepubliceerd als versie 1.");

        navigate("admin/analytics", Component.class);
        assertThat(getCurrentView()).isInstanceOf(RouteNotFoundError.class);
    }

    private void walkToTheEnd() {
        int replies = 0;
        while (find(Div.class).withId("composer").exists() && find(Div.class).withId("composer").single().isVisible()) {
            if (find(TextArea.class).withId("answer").exists()) {
                test(find(TextArea.class).withId("answer").single()).setValue("mijn werk");
                test(find(Button.class).withId("send").single()).click();
            } else {
                test(find(Button.class).withClassName("sp-option").first()).click();
            }
            assertThat(++replies).isLessThan(20);
        }
    }

    private int storedVersions(String scriptId) {
        return jdbc.sql("SELECT COUNT(*) FROM dialogue_scripts WHERE script_id = ?").param(scriptId)
                .query(Integer.class).single();
    }

    private int sessions() {
        return jdbc.sql("SELECT COUNT(*) FROM dialogue_sessions").query(Integer.class).single();
    }

    private static String text(Component component) {
        return nl.spiegel.dialogue.ui.ShownText.of(component);
    }
}
