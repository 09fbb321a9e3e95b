package nl.spiegel.authoring.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinSession;

import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.authoring.AuthoringFixtures;
import nl.spiegel.authoring.AuthoringService;
import nl.spiegel.authoring.Figure;
import nl.spiegel.authoring.UsageAnalytics;
import nl.spiegel.authoring.UsagePeriod;
import nl.spiegel.authoring.UsageReport;
import nl.spiegel.authoring.VersionUsage;
import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.dialogue.SessionSnapshot;
import nl.spiegel.dialogue.engine.UserInput;
import nl.spiegel.identity.Role;
import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.Visitor;
import nl.spiegel.identity.VisitorService;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;

/** Analytics on generated use: 10 people are shown, 9 are not, and a differencing attempt reveals nobody. */
@SpiegelIntegrationTest
class AnalyticsIT extends SpringBrowserlessTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    StaffDirectory staff;
    @Autowired
    VisitorService visitors;
    @Autowired
    AuthoringService authoring;
    @Autowired
    DialogueService dialogues;
    @Autowired
    UsageAnalytics analytics;
    @Autowired
    nl.spiegel.progress.MoodService moods;
    @Autowired
    nl.spiegel.progress.ProgressService progress;

    AuthoringFixtures fixtures;
    OrganisationId organisation;
    StaffMember admin;

    @BeforeEach
    void organisation() {
        fixtures = new AuthoringFixtures(jdbc, staff, visitors);
        organisation = fixtures.organisation();
        admin = fixtures.admin(organisation);
        VaadinSession.getCurrent().setLocale(SpiegelI18NProvider.DUTCH);
        UI.getCurrent().setLocale(SpiegelI18NProvider.DUTCH);
    }

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void tenPeopleAreShownNineAreFewerThanTenAndTheDownloadHoldsExactlyTheSame() throws Exception {
        String ten = publish("tien", "Tien mensen");
        String nine = publish("negen", "=SUM(1;2)");
        completeBy(10, ten);
        completeBy(9, nine);
        AuthoringFixtures.logIn(admin.userId(), organisation, admin.role());

        navigate(AnalyticsView.class);

        assertThat(rows("table-" + ten + "-1")).containsExactly("Begonnen 10", "1 vraag beantwoord 10",
                "2 vragen beantwoord 10", "Afgemaakt 10");
        assertThat(rows("table-" + nine + "-1")).containsExactly("Begonnen minder dan 10",
                "1 vraag beantwoord minder dan 10", "2 vragen beantwoord minder dan 10", "Afgemaakt minder dan 10");
        String svg = find(Div.class).withId("chart-" + nine + "-1").single().getElement().getProperty("innerHTML");
        assertThat(svg).startsWith("<svg").contains("minder dan 10").doesNotContain(">9<");
        assertThat(find(Div.class).withId("chart-" + ten + "-1").single().getElement().getProperty("innerHTML"))
                .contains(">10<");

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        test(find(Anchor.class).withId("analytics-export").single()).download(csv);
        List<String> lines = csv.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.getFirst()).isEqualTo("section,subject,version,measure,value");
        String funnel = "Dialogen van begin tot eind,";
        assertThat(lines).contains(funnel + "Tien mensen,1,Begonnen,10", funnel + "Tien mensen,1,Afgemaakt,10",
                funnel + "'=SUM(1;2),1,Begonnen,minder dan 10",
                funnel + "'=SUM(1;2),1,2 vragen beantwoord,minder dan 10");
        assertThat(lines.stream().filter(line -> line.startsWith(funnel))).hasSize(4 + 4);
        assertThat(lines).noneMatch(line -> line.endsWith(",9"));
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM audit_events
                WHERE record_type = 'ORGANISATION_ANALYTICS' AND action = 'EXPORT' AND organisation_id = ?""")
                .param(organisation.toString()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void switchingThePeriodToSingleOutTwoEarlyPeopleRevealsNobody() {
        String script = publish("vergelijk", "Vergelijken");
        List<Visitor> people = completeBy(12, script);
        // two of the twelve started two months ago: "always" minus "last 30 days" would be those two
        for (Visitor early : people.subList(0, 2)) {
            jdbc.sql("UPDATE dialogue_sessions SET started_at = ? WHERE user_id = ?")
                    .params(Instant.now().minus(60, ChronoUnit.DAYS), early.userId().toString()).update();
        }

        for (UsagePeriod period : UsagePeriod.values()) {
            UsageReport report = analytics.report(admin.userId(), organisation, period);
            VersionUsage usage = report.versions().stream().filter(row -> row.scriptId().equals(script))
                    .findFirst().orElseThrow();
            assertThat(usage.funnel()).as(period.name()).extracting(Figure::hidden)
                    .containsOnly(Figure.Hidden.REVEALS_SMALL_GROUP);
        }

        AuthoringFixtures.logIn(admin.userId(), organisation, admin.role());
        navigate(AnalyticsView.class);
        @SuppressWarnings("unchecked")
        Select<UsagePeriod> period = find(Select.class).withId("analytics-period").single();
        test(period).selectItem("Laatste 30 dagen");
        assertThat(rows("table-" + script + "-1")).allMatch(row -> row.endsWith("verborgen"));
        test(period).selectItem("Altijd");
        assertThat(rows("table-" + script + "-1")).allMatch(row -> row.endsWith("verborgen"));
    }

    @Test
    void onlyAnAdminOfTheOrganisationSeesItsFigures() {
        StaffMember otherAdmin = fixtures.admin(fixtures.organisation());
        StaffMember therapist = fixtures.member(Role.THERAPIST, organisation);

        assertThatThrownBy(() -> analytics.report(otherAdmin.userId(), organisation, UsagePeriod.ALL))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> analytics.report(therapist.userId(), organisation, UsagePeriod.ALL))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(analytics.report(admin.userId(), organisation, UsagePeriod.ALL).versions()).isEmpty();
    }

    @Test
    void theScreenShowsMoodRequestsAndQuestionnaireBandsAndTheDownloadHasTheSameRows() throws Exception {
        String script = publish("stemming", "Stemming");
        for (Visitor person : completeBy(10, script)) {
            nl.spiegel.dialogue.SessionId session = nl.spiegel.dialogue.SessionId.parse(jdbc.sql(
                    "SELECT id FROM dialogue_sessions WHERE user_id = ?").param(person.userId().toString())
                    .query(String.class).single());
            moods.record(person, session, nl.spiegel.progress.MoodMoment.START, 2);
            moods.record(person, session, nl.spiegel.progress.MoodMoment.END, 4);
        }
        for (int i = 0; i < 9; i++) {
            progress.submit(fixtures.person(organisation), nl.spiegel.progress.scoring.Instrument.PHQ9,
                    List.of(1, 1, 1, 1, 1, 0, 0, 0, 0));
        }
        AuthoringFixtures.logIn(admin.userId(), organisation, admin.role());

        navigate(AnalyticsView.class);

        assertThat(rows("table-mood-" + script + "-1")).containsExactly(
                "Mensen die hun stemming voor en na aangaven 10", "Daarna beter 10", "Daarna hetzelfde 0",
                "Daarna slechter 0", "Gemiddelde stemming voor (1 tot 5) 2,0", "Gemiddelde stemming na (1 tot 5) 4,0");
        assertThat(find(Div.class).withId("chart-mood-" + script + "-1").single().getElement()
                .getProperty("innerHTML")).startsWith("<svg").contains(">10<");
        assertThat(rows("table-escalations")).containsExactly("Mensen die vroegen om met een mens te praten 0",
                "Via de hulpknop, zonder zorgen in hun woorden 0", "Met zorgen in hun woorden 0", "In crisis 0",
                "Geholpen door een hulpverlener 0",
                "Wachttijd tot een hulpverlener reageerde (mediaan) niet van toepassing");
        assertThat(rows("table-bands-phq9")).allMatch(row -> row.endsWith("minder dan 10"))
                .first().isEqualTo("Mensen met een volledig ingevulde vragenlijst minder dan 10");
        assertThat(rows("table-bands-gad7")).first().isEqualTo("Mensen met een volledig ingevulde vragenlijst 0");

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        test(find(Anchor.class).withId("analytics-export").single()).download(csv);
        List<String> lines = csv.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).contains("Stemming voor en na,Stemming,1,Daarna beter,10",
                "Stemming voor en na,Stemming,1,Gemiddelde stemming voor (1 tot 5),\"2,0\"",
                "Vragen om met een mens te praten,,,In crisis,0",
                "Uitkomsten van de vragenlijsten,PHQ-9,,Lichte klachten,minder dan 10");
        assertThat(lines).noneMatch(line -> line.endsWith(",9"));
    }

    @Test
    void aPlatformAdminPicksTheOrganisationWhoseFiguresItSees() {
        String script = publish("platform", "Platform");
        completeBy(10, script);
        StaffMember platform = fixtures.member(Role.PLATFORM_ADMIN, OrganisationId.DEFAULT);
        String name = jdbc.sql("SELECT name FROM organisations WHERE id = ?").param(organisation.toString())
                .query(String.class).single();
        AuthoringFixtures.logIn(platform.userId(), OrganisationId.DEFAULT, Role.PLATFORM_ADMIN);

        navigate(AnalyticsView.class);
        assertThat(find(NativeTable.class).withId("table-" + script + "-1").exists()).isFalse();
        @SuppressWarnings("unchecked")
        Select<nl.spiegel.organisation.Organisation> picker = find(Select.class).withId("analytics-organisation")
                .single();
        test(picker).selectItem(name);

        assertThat(rows("table-" + script + "-1")).first().isEqualTo("Begonnen 10");
    }

    private String publish(String prefix, String title) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        authoring.publish(admin.userId(), organisation, AuthoringFixtures.script(id, "Hallo.")
                .replace("title: { nl: \"Een voorbeeld\", en: \"An example\" }",
                        "title: { nl: \"" + title + "\", en: \"" + title + "\" }"));
        return id;
    }

    private List<Visitor> completeBy(int people, String scriptId) {
        List<Visitor> done = new java.util.ArrayList<>();
        for (int i = 0; i < people; i++) {
            Visitor person = fixtures.person(organisation);
            SessionSnapshot session = dialogues.startNew(person, scriptId);
            session = dialogues.answer(person, session.id(), session.revision(), new UserInput.Choice("goed"));
            session = dialogues.answer(person, session.id(), session.revision(), new UserInput.Text("werk"));
            assertThat(session.finished()).isTrue();
            done.add(person);
        }
        return done;
    }

    private List<String> rows(String tableId) {
        NativeTable table = find(NativeTable.class).withId(tableId).single();
        return table.getElement().getChild(1).getChildren()
                .map(row -> row.getChild(0).getTextRecursively() + " " + row.getChild(1).getTextRecursively())
                .toList();
    }
}
