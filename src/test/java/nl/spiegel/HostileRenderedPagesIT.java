package nl.spiegel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;

import nl.spiegel.authoring.AuthoringService;
import nl.spiegel.dialogue.DialoguePreview;
import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.dialogue.SessionSnapshot;
import nl.spiegel.dialogue.engine.Prompt;
import nl.spiegel.dialogue.engine.UserInput;
import nl.spiegel.dialogue.ui.MyDialoguesView;
import nl.spiegel.dialogue.ui.PreviewView;
import nl.spiegel.dialogue.ui.StartView;
import nl.spiegel.identity.Role;
import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.UserId;
import nl.spiegel.identity.Visitor;
import nl.spiegel.identity.VisitorService;
import nl.spiegel.identity.internal.AccountUserDetails;
import nl.spiegel.organisation.Organisation;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.portal.OrganisationAdmin;
import nl.spiegel.portal.ui.OrganisationSettingsView;
import nl.spiegel.privacy.PersonalDataService;
import nl.spiegel.progress.ui.ProgressView;
import nl.spiegel.review.ReviewFixtures;
import nl.spiegel.review.ReviewService;
import nl.spiegel.review.Share;
import nl.spiegel.review.ui.ReviewTranscriptView;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile text stored through the real services (a person's answers, an organisation's name and welcome, an
 * author's script) and then searched for in every page that shows it besides the chat: "my dialogues" with the
 * summaries, the therapist's transcript of a shared dialogue, the person's progress page, the organisation settings,
 * the start page of the organisation's people, the authoring preview, and the person's JSON data export. Pages are
 * rendered without a browser and their HTML parsed: no element or attribute may come from the payload (no live
 * {@code <script>}, no {@code on...=} handler, no {@code javascript:} link), while the payload is there as text.
 */
@SpiegelIntegrationTest
class HostileRenderedPagesIT extends SpringBrowserlessTest {

    /** What a person or an admin writes: markup, a spreadsheet formula, a right-to-left override, look-alikes. */
    static final String PAYLOAD = String.join(" | ", HostileStrings.MARKUP) + " | "
            + "=HYPERLINK(\"http://example.invalid\",\"klik\") | +cmd|' /C calc'!A0 | @SUM(1+1) | "
            + "\u202Egnirts | nul\u200Bbreed | p\u0430ypal";

    @Autowired
    DialogueService dialogues;
    @Autowired
    VisitorService visitors;
    @Autowired
    StaffDirectory staff;
    @Autowired
    ReviewService reviews;
    @Autowired
    OrganisationAdmin organisations;
    @Autowired
    AuthoringService authoring;
    @Autowired
    PersonalDataService personalData;
    @Autowired
    JdbcClient jdbc;

    private ReviewFixtures fixtures;

    @BeforeEach
    void dutch() {
        VaadinSession.getCurrent().setLocale(Locale.of("nl"));
        UI.getCurrent().setLocale(Locale.of("nl"));
        fixtures = new ReviewFixtures(visitors, staff, dialogues, jdbc);
    }

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aPersonsHostileAnswersAreTextInMyDialoguesTheTherapistsTranscriptProgressAndTheJsonExport()
            throws Exception {
        StaffMember therapist = fixtures.member(Role.THERAPIST, OrganisationId.DEFAULT);
        Visitor person = fixtures.registeredPerson(OrganisationId.DEFAULT);
        SessionSnapshot dialogue = finishedWith(person, PAYLOAD);

        logIn(person.userId(), person.organisationId(), Role.CLIENT, "");
        navigate(MyDialoguesView.class);
        assertShownAsTextOnly("my dialogues with the summary", true);
        navigate(ProgressView.class);
        assertShownAsTextOnly("progress", false);

        Share share = reviews.share(person, dialogue.id(), reviews.createInvite(therapist.userId()).code(), null);
        logIn(therapist.userId(), therapist.organisationId(), Role.THERAPIST, therapist.displayName());
        navigate(ReviewTranscriptView.class, share.id().toString());
        assertShownAsTextOnly("the therapist's transcript", true);

        // the JSON export is valid JSON and holds the answers exactly as written
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        personalData.exportJson(person, Locale.of("nl"), json);
        JsonNode root = JsonMapper.builder().build().readTree(json.toByteArray());
        List<String> texts = new ArrayList<>();
        collectTexts(root, texts);
        assertThat(texts).as("the payload round-trips exactly").contains(PAYLOAD);
    }

    @Test
    void anOrganisationsHostileNameAndWelcomeAreTextInItsSettingsAndOnItsPeoplesStartPage() {
        StaffMember platform = staff.create("platform-page-" + UUID.randomUUID() + "@example.org",
                "een-lang-test-wachtwoord", "Platform pages", Role.PLATFORM_ADMIN, OrganisationId.DEFAULT);
        Organisation organisation = organisations.create(platform.userId(), "Praktijk pagina",
                "pagina-" + UUID.randomUUID().toString().substring(0, 8));
        organisations.saveBranding(platform.userId(), organisation.id(), "Praktijk " + HostileStrings.MARKUP.get(1),
                null, null, PAYLOAD, PAYLOAD);
        StaffMember admin = fixtures.member(Role.ORG_ADMIN, organisation.id());

        logIn(admin.userId(), organisation.id(), Role.ORG_ADMIN, admin.displayName());
        navigate(OrganisationSettingsView.class);
        // the name and welcome are the values of their fields there, which the browser never parses as markup
        assertThat(find(com.vaadin.flow.component.textfield.TextArea.class).withId("org-welcome-nl").single()
                .getValue()).isEqualTo(PAYLOAD);
        assertShownAsTextOnly("organisation settings", false);

        Visitor member = fixtures.registeredPerson(organisation.id());
        logIn(member.userId(), organisation.id(), Role.CLIENT, "");
        navigate(StartView.class);
        assertShownAsTextOnly("the organisation's start page", true);
    }

    @Test
    void anAuthorsHostileTextsAreTextInThePreview() {
        String hostile = HostileStrings.MARKUP.get(0) + " " + HostileStrings.MARKUP.get(1) + " \u202Egnirts";
        String script = authoring.template()
                .replace("\"Fijn dat je er bent.\"", yamlQuoted(hostile))
                .replace("\"Mijn dialoog\"", yamlQuoted("Titel " + HostileStrings.MARKUP.get(2)));
        var check = authoring.check(script);
        assertThat(check.issues()).as("markup in a text is not a format problem").isEmpty();
        VaadinSession.getCurrent().setAttribute(DialoguePreview.class,
                new DialoguePreview(check.script().orElseThrow(), "admin/dialogues"));
        StaffMember admin = fixtures.member(Role.ORG_ADMIN, OrganisationId.DEFAULT);
        logIn(admin.userId(), admin.organisationId(), Role.ORG_ADMIN, admin.displayName());
        navigate(PreviewView.class);
        Document page = Jsoup.parse(pageHtml());
        assertThat(page.text()).contains(HostileStrings.MARKUP.get(0));
        assertNoLiveMarkup("the authoring preview", page);
    }

    // ---- helpers ----

    /** The current page: the payload's markup is visible as text (when expected), never as elements. */
    private static void assertShownAsTextOnly(String where, boolean payloadExpected) {
        String html = pageHtml();
        Document page = Jsoup.parse(html);
        if (payloadExpected) {
            assertThat(page.text()).as("%s shows the payload as text", where)
                    .contains(HostileStrings.MARKUP.get(0), HostileStrings.MARKUP.get(1));
        }
        for (String markup : HostileStrings.MARKUP) {
            assertThat(html).as("%s holds no unescaped markup", where).doesNotContain(markup);
        }
        assertNoLiveMarkup(where, page);
    }

    /**
     * The HTML of everything on the screen. Not {@code UI.getElement().getOuterHTML()}: that is an empty
     * {@code <body>}, the layout and view are attached beside it.
     */
    static String pageHtml() {
        String html = UI.getCurrent().getChildren().map(child -> child.getElement().getOuterHTML())
                .collect(java.util.stream.Collectors.joining("\n"));
        assertThat(html).as("a page was rendered").contains("<");
        return html;
    }

    private static void assertNoLiveMarkup(String where, Document page) {
        assertThat(page.select("script, iframe, img[src=x], object, embed")).as("%s: no element from a payload", where)
                .isEmpty();
        for (Element element : page.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                assertThat(attribute.getKey().toLowerCase(Locale.ROOT)).as("%s: no event handler attribute", where)
                        .doesNotStartWith("on");
                assertThat(attribute.getValue().strip().toLowerCase(Locale.ROOT)).as("%s: no script link", where)
                        .doesNotStartWith("javascript:");
            }
        }
    }

    private static void collectTexts(JsonNode node, List<String> into) {
        if (node.isString()) {
            into.add(node.asString());
        }
        node.forEach(child -> collectTexts(child, into));
    }

    private static String yamlQuoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** A finished "kennismaking" with this text as every written answer. */
    private SessionSnapshot finishedWith(Visitor person, String text) {
        SessionSnapshot snapshot = dialogues.startNew(person, "kennismaking");
        for (int steps = 0; !snapshot.finished(); steps++) {
            assertThat(steps).isLessThan(40);
            if (snapshot.safetyPause().isPresent()) {
                snapshot = dialogues.continueAfterSafetyPause(person, snapshot.id(), snapshot.revision());
                continue;
            }
            UserInput input = switch (snapshot.prompt()) {
                case Prompt.FreeText free -> new UserInput.Text(text);
                case Prompt.Choices choices -> new UserInput.Choice(choices.options().getFirst().value());
                case Prompt.Form form -> new UserInput.Answers(Map.of(form.questionnaire().items().getFirst().id(), 0));
                case Prompt.None none -> throw new IllegalStateException("finished");
            };
            snapshot = dialogues.answer(person, snapshot.id(), snapshot.revision(), input);
        }
        return snapshot;
    }

    private static void logIn(UserId user, OrganisationId organisation, Role role, String name) {
        AccountUserDetails principal = new AccountUserDetails(user, organisation, role, name,
                "someone@example.org", null);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken
                .authenticated(principal, null, principal.getAuthorities()));
    }
}
