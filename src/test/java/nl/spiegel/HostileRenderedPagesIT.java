package nl.spiegel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
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
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;

import nl.spiegel.audit.AuditEntry;
import nl.spiegel.audit.ui.AuditLogView;
import nl.spiegel.authoring.AuthoringFixtures;
import nl.spiegel.authoring.AuthoringService;
import nl.spiegel.authoring.ui.AnalyticsView;
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
import nl.spiegel.review.ExpertDirectory;
import nl.spiegel.review.ExpertProfile;
import nl.spiegel.review.ReviewFixtures;
import nl.spiegel.review.ReviewService;
import nl.spiegel.review.Share;
import nl.spiegel.review.ui.ExpertDirectoryView;
import nl.spiegel.review.ui.ExpertProfileView;
import nl.spiegel.review.ui.ExpertView;
import nl.spiegel.review.ui.ReviewTranscriptView;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile text stored through the real services (a person's answers, an organisation's name and welcome, an
 * author's script) and then searched for in every page that shows it besides the chat: "my dialogues" with the
 * summaries, the therapist's transcript of a shared dialogue, the person's progress page, the organisation settings,
 * the start page of the organisation's people, the authoring preview, the usage analytics (funnel charts, and its
 * CSV), the audit log (and its CSV), the expert directory, an expert's page and the therapist's own profile (in Dutch
 * and English), and the person's JSON data export. Pages are
 * rendered without a browser and their HTML parsed: no element or attribute may come from the payload (no live
 * {@code <script>}, no {@code on...=} handler, no {@code javascript:} link), while the payload is there as text.
 */
@SpiegelIntegrationTest
class HostileRenderedPagesIT extends SpringBrowserlessTest {

    /** What a person or an admin writes: markup, a spreadsheet formula, a right-to-left override, look-alikes. */
    static final String PAYLOAD = String.join(" | ", HostileStrings.MARKUP) + " | "
            + "=HYPERLINK(\"http://example.invalid\",\"klik\") | +cmd|' /C calc'!A0 | @SUM(1+1) | "
            + "\u202Egnirts | nul\u200Bbreed | p\u0430ypal";
    /** Where {@code ClientContext} keeps the network address the servlet container reported, in the HTTP session. */
    private static final String CLIENT_ADDRESS = "nl.spiegel.audit.internal.ClientContext.address";

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
    ExpertDirectory directory;
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

    @Test
    void anAuthorsHostileTitlesAreTextOnTheAnalyticsPageAndNoCellOfItsCsvStartsAFormula() throws Exception {
        AuthoringFixtures authors = new AuthoringFixtures(jdbc, staff, visitors);
        OrganisationId organisation = authors.organisation();
        StaffMember admin = authors.admin(organisation);
        // one title for each character a spreadsheet starts a formula with; the first also holds every markup
        // payload, attribute-breaking quotes and a line break with a forged log line
        List<String> titles = List.of(
                HostileStrings.FORMULAS.get(0) + " " + String.join(" ", HostileStrings.MARKUP)
                        + "\r\nINFO forged line",
                HostileStrings.FORMULAS.get(1), "-1+1", "@SUM(1)", "\t=1+1");
        for (String title : titles) {
            String id = "vijandig-" + UUID.randomUUID().toString().substring(0, 8);
            authoring.publish(admin.userId(), organisation, AuthoringFixtures.script(id, "Hallo.")
                    .replace("title: { nl: \"Een voorbeeld\", en: \"An example\" }",
                            "title: { nl: " + yamlQuoted(title) + ", en: " + yamlQuoted(title) + " }"));
            // one person started it, so it has a funnel: its figures are hidden (fewer than ten), its title is not
            dialogues.startNew(authors.person(organisation), id);
        }

        logIn(admin.userId(), organisation, Role.ORG_ADMIN, admin.displayName());
        navigate(AnalyticsView.class);
        assertThat(pageHtml()).as("the funnel charts (SVG) are part of the searched HTML").contains("sp-funnel")
                .contains("aria-label=");
        assertShownAsTextOnly("the analytics page", true);

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        test(find(Anchor.class).withId("analytics-export").single()).download(csv);
        List<CSVRecord> records = assertCsvDefused("the analytics CSV", csv, 5);
        List<String> subjects = records.stream().map(row -> row.get(1)).toList();
        for (String title : titles) {
            // (a title's outer white space, here the tab, is not kept when the script is read)
            assertThat(subjects).as("the title as one plain-text cell").contains("'" + title.strip());
        }

        // a platform admin picks the organisation by its name, which its admin made hostile too
        StaffMember platform = staff.create("platform-analytics-" + UUID.randomUUID() + "@example.org",
                "een-lang-test-wachtwoord", "Platform analytics", Role.PLATFORM_ADMIN, OrganisationId.DEFAULT);
        String name = "Praktijk " + HostileStrings.MARKUP.get(1) + " " + HostileStrings.MARKUP.get(2) + " "
                + UUID.randomUUID().toString().substring(0, 8);
        organisations.saveBranding(admin.userId(), organisation, name, null, null, "Welkom", "Welcome");
        logIn(platform.userId(), OrganisationId.DEFAULT, Role.PLATFORM_ADMIN, platform.displayName());
        navigate(AuditLogView.class); // elsewhere first: navigating to the open view again would keep its instance
        navigate(AnalyticsView.class);
        @SuppressWarnings("unchecked")
        Select<Organisation> picker = find(Select.class).withId("analytics-organisation").single();
        test(picker).selectItem(name);
        assertThat(picker.getValue().id()).isEqualTo(organisation);
        assertThat(Jsoup.parse(pageHtml()).text()).as("the picker's names are part of the searched page")
                .contains(name);
        assertShownAsTextOnly("the analytics page of a platform admin, with the organisation picked", true);
    }

    @Test
    void hostileNamesAddressesAndClientAddressesAreTextInTheAuditLogAndDefusedInItsCsv() throws Exception {
        OrganisationId organisation = fixtures.newOrganisation();
        StaffMember admin = fixtures.member(Role.ORG_ADMIN, organisation);
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String name = "Therapeut " + HostileStrings.MARKUP.get(1) + " " + HostileStrings.FORMULAS.get(4) + " "
                + unique;
        String email = "=cmd|'x'!a0<b>" + unique + "</b>@example.org";
        StaffMember therapist = organisations.inviteTherapist(admin.userId(), organisation, email, name,
                Locale.of("nl"));
        Visitor person = fixtures.registeredPerson(organisation);
        SessionSnapshot dialogue = finishedWith(person, PAYLOAD);
        Share share = reviews.share(person, dialogue.id(), reviews.createInvite(therapist.userId()).code(), null);

        // the address the servlet container reports for the request (behind a trusted proxy: what it forwarded),
        // as ClientContext keeps it in the HTTP session when a page loads
        String address = HostileStrings.FORMULAS.get(0) + "\r\n" + HostileStrings.MARKUP.get(1);
        WrappedSession http = VaadinSession.getCurrent().getSession();
        http.setAttribute(CLIENT_ADDRESS, address);
        try {
            logIn(therapist.userId(), organisation, Role.THERAPIST, therapist.displayName());
            navigate(ReviewTranscriptView.class, share.id().toString());
        } finally {
            http.removeAttribute(CLIENT_ADDRESS);
        }

        logIn(admin.userId(), organisation, Role.ORG_ADMIN, admin.displayName());
        navigate(AuditLogView.class);
        @SuppressWarnings("unchecked")
        Grid<AuditEntry> grid = find(Grid.class).withId("audit-grid").single();
        // every column is a text column: the browser puts its cells in as text, never as markup
        assertThat(grid.getColumns()).hasSize(6).allSatisfy(column -> assertThat(column.getRenderer())
                .isExactlyInstanceOf(com.vaadin.flow.component.grid.ColumnPathRenderer.class));
        var rows = test(grid);
        List<String> cells = new ArrayList<>();
        int byTherapist = 0;
        for (int row = 0; row < rows.size(); row++) {
            for (int column = 0; column < 6; column++) {
                cells.add(rows.getCellText(row, column));
            }
            if (therapist.userId().equals(rows.getRow(row).actor())) {
                byTherapist++;
                assertThat(rows.getCellText(row, 5)).as("the address as the text of its cell").isEqualTo(address);
            }
        }
        assertThat(byTherapist).as("the therapist's reading is on the trail").isPositive();
        assertThat(cells).as("no name or e-mail address on the trail")
                .noneMatch(cell -> cell.contains(unique));
        assertShownAsTextOnly("the audit log", false);

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        test(find(Anchor.class).withId("audit-export").single()).download(csv);
        List<CSVRecord> records = assertCsvDefused("the audit CSV", csv, 14);
        assertThat(records.stream().filter(row -> row.get(5).equals(therapist.userId().toString())))
                .isNotEmpty().allSatisfy(row -> assertThat(row.get(12)).isEqualTo("'" + address));
        assertThat(csv.toString(StandardCharsets.UTF_8)).as("no name or e-mail address in the CSV")
                .doesNotContain(unique);
    }

    @Test
    void aTherapistsHostileNameLineAndRegionAreTextInTheirProfileTheDirectoryAndTheExpertPageInDutchAndEnglish() {
        OrganisationId organisation = fixtures.newOrganisation();
        StaffMember admin = fixtures.member(Role.ORG_ADMIN, organisation);
        String name = "Therapeut " + HostileStrings.MARKUP.get(1) + " " + HostileStrings.MARKUP.get(2);
        StaffMember therapist = organisations.inviteTherapist(admin.userId(), organisation,
                "therapeut-" + UUID.randomUUID() + "@example.org", name, Locale.of("nl"));
        // what the therapist can write themselves; the profile's fields take 200 (the region 100) characters
        String line = String.join(" ", HostileStrings.MARKUP) + " =1+1";
        String lineEn = "In English: " + String.join(" ", HostileStrings.MARKUP);
        String region = HostileStrings.MARKUP.get(0) + " @SUM(1) \u202Egnirts";
        directory.saveProfile(therapist.userId(), new ExpertProfile(therapist.userId(), name, line, lineEn,
                List.of("anxiety", HostileStrings.MARKUP.get(0)), List.of("cbt", HostileStrings.MARKUP.get(2)),
                List.of("nl", "<b>"), region, true, true, true, false));
        ExpertProfile saved = directory.ownProfile(therapist.userId());
        assertThat(saved.shortLine()).isEqualTo(line);
        assertThat(saved.region()).isEqualTo(region);
        assertThat(saved.specialisms()).as("codes outside the offered lists are dropped").containsExactly("anxiety");
        assertThat(saved.forms()).containsExactly("cbt");
        assertThat(saved.languages()).containsExactly("nl");

        logIn(therapist.userId(), organisation, Role.THERAPIST, therapist.displayName());
        navigate(ExpertProfileView.class);
        assertThat(find(TextField.class).withId("expert-line").single().getValue()).isEqualTo(line);
        assertThat(find(TextField.class).withId("expert-region-field").single().getValue()).isEqualTo(region);
        assertShownAsTextOnly("the therapist's own profile", false);

        Visitor person = fixtures.registeredPerson(organisation);
        logIn(person.userId(), organisation, Role.CLIENT, "");
        for (Locale locale : List.of(Locale.of("nl"), Locale.ENGLISH)) {
            VaadinSession.getCurrent().setLocale(locale);
            UI.getCurrent().setLocale(locale);
            boolean english = locale.getLanguage().equals("en");
            navigate(ExpertDirectoryView.class);
            assertShownAsTextOnly("the expert directory (" + locale + ")", true);
            String text = Jsoup.parse(pageHtml()).text();
            assertThat(text).contains(name, region, english ? "Experts" : "Deskundigen");
            assertThat(text.contains("In English:")).as("the line in the reader's language").isEqualTo(english);

            navigate(ExpertView.class, therapist.userId().toString());
            assertShownAsTextOnly("the expert's page (" + locale + ")", true);
            assertThat(Jsoup.parse(pageHtml()).text()).contains(name, english ? lineEn : line);
        }
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

    /**
     * The CSV parses (RFC 4180) into rows of the expected width, and no cell starts with a character a spreadsheet
     * starts a formula with.
     */
    private static List<CSVRecord> assertCsvDefused(String where, ByteArrayOutputStream csv, int columns)
            throws java.io.IOException {
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new java.io.StringReader(
                csv.toString(StandardCharsets.UTF_8))).getRecords();
        assertThat(records).as("%s has a header and rows", where).hasSizeGreaterThan(1);
        for (CSVRecord record : records) {
            assertThat(record.size()).as("%s: every row has %d cells", where, columns).isEqualTo(columns);
            for (String cell : record) {
                assertThat(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0)
                        .as("%s: cell %s starts no formula", where, cell).isTrue();
            }
        }
        return records;
    }

    private static String yamlQuoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "\\r").replace("\n", "\\n")
                .replace("\t", "\\t") + "\"";
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
