package nl.spiegel.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.audit.AuditEntry;
import nl.spiegel.audit.AuditQuery;
import nl.spiegel.audit.AuditTrail;
import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.dialogue.SessionSnapshot;
import nl.spiegel.dialogue.engine.Prompt;
import nl.spiegel.dialogue.engine.UserInput;
import nl.spiegel.escalation.SafetyPlan;
import nl.spiegel.escalation.SafetyPlanService;
import nl.spiegel.escalation.Screening;
import nl.spiegel.escalation.ScreeningService;
import nl.spiegel.escalation.handoff.Escalation;
import nl.spiegel.escalation.handoff.HandoffService;
import nl.spiegel.escalation.screening.Question;
import nl.spiegel.identity.Role;
import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.Visitor;
import nl.spiegel.identity.VisitorService;
import nl.spiegel.identity.VisitorToken;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.risk.RiskLevel;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's data export and deletion across every feature, against the real database: the export holds everything
 * of the person and nothing of anyone else; after the deletion no column of any table mentions them, another
 * person's data are untouched, and the audit trail still has its entries, anonymised.
 */
@SpiegelIntegrationTest
class PersonalDataIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One person with one distinctive marker per place they wrote something. */
    record Person(Visitor visitor, List<String> markers, List<String> ids) {
    }

    @Autowired
    PersonalDataService personalData;
    @Autowired
    DialogueService dialogues;
    @Autowired
    SafetyPlanService plans;
    @Autowired
    ScreeningService screenings;
    @Autowired
    HandoffService handoffs;
    @Autowired
    VisitorService visitors;
    @Autowired
    StaffDirectory staff;
    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theExportHoldsEverythingOfThePersonAndNothingOfAnyoneElse() throws Exception {
        StaffMember therapist = therapist();
        Person a = writeEverything("alpha", therapist);
        Person b = writeEverything("bravo", therapist);

        String json = exportJson(a.visitor());
        String html = exportHtml(a.visitor());

        assertThat(json).contains(a.markers()).contains(a.ids());
        assertThat(html).contains(a.markers().stream().map(PersonalDataIT::escaped).toList());
        for (String marker : b.markers()) {
            assertThat(json).doesNotContain(marker);
            assertThat(html).doesNotContain(marker);
        }
        assertThat(json).doesNotContain(b.visitor().userId().toString()).doesNotContain(therapist.userId().toString());

        JsonNode sections = JSON.readTree(json).get("sections");
        assertThat(sections.propertyNames()).contains("account", "dialogues", "exercises", "screenings",
                "safetyPlan", "handoffs", "auditTrail");
        assertThat(sections.get("account").get("userId").asString()).isEqualTo(a.visitor().userId().toString());
        assertThat(sections.get("account").has("visitorTokenHash")).as("no credentials").isFalse();
        assertThat(sections.get("account").has("passwordHash")).isFalse();
        assertThat(sections.get("account").propertyNames()).as("only the allow-listed account columns")
                .containsExactly("userId", "organisationId", "createdAt", "lastSeenAt", "email", "displayName", "role",
                        "emailVerifiedAt", "passwordChangedAt", "totpEnabledAt", "secondFactorFailures",
                        "deactivatedAt");
        assertThat(sections.get("dialogues")).hasSize(2);
        assertThat(sections.get("handoffs")).hasSize(2)
                .anySatisfy(handoff -> assertThat(handoff.get("therapist").asString())
                        .isEqualTo(therapist.displayName()));
        assertThat(sections.get("auditTrail").toString()).contains("HANDOFF", "THERAPIST");
        assertThat(html).as("the readable page escapes what people wrote").contains("&lt;b&gt;alpha")
                .doesNotContain("<b>alpha").doesNotContain("!mydata.");
    }

    @Test
    void afterDeletingAPersonNoTableMentionsThemTheOtherIsUntouchedAndTheAuditTrailIsAnonymised()
            throws Exception {
        StaffMember therapist = therapist();
        Person a = writeEverything("charlie", therapist);
        Person b = writeEverything("delta", therapist);
        exportJson(a.visitor());
        String pseudonym = jdbc.sql("SELECT pseudonym FROM audit_pseudonyms WHERE user_id = ?")
                .param(a.visitor().userId().toString()).query(String.class).single();
        int entriesAboutA = entriesAbout(pseudonym);
        assertThat(entriesAboutA).as("accept, message reads, export").isGreaterThanOrEqualTo(3);
        Map<String, Integer> bBefore = mentions(List.of(b.visitor().userId().toString()));
        String bExportBefore = withoutMoments(exportJson(b.visitor()));
        assertThat(mentions(List.of(a.visitor().userId().toString()))).as("the scan finds A before").isNotEmpty();

        personalData.deleteEverything(a.visitor());

        List<String> traces = new ArrayList<>(a.markers());
        traces.add(a.visitor().userId().toString());
        assertThat(mentions(traces)).as("columns still mentioning A").isEmpty();
        assertThat(mentions(List.of(b.visitor().userId().toString()))).isEqualTo(bBefore);
        assertThat(withoutMoments(exportJson(b.visitor()))).isEqualTo(bExportBefore);
        assertThat(dialogues.history(b.visitor())).hasSize(2);
        assertThat(plans.load(b.visitor()).text(SafetyPlan.Section.WARNING_SIGNS)).endsWith("-plan-signs");

        assertThat(entriesAbout(pseudonym)).as("the entries stay, plus the deletion itself")
                .isEqualTo(entriesAboutA + 1);
        StaffMember platform = staff.create("platform-" + UUID.randomUUID().toString().substring(0, 8)
                + "@example.org", "een-lang-test-wachtwoord", "Platform", Role.PLATFORM_ADMIN, OrganisationId.DEFAULT);
        List<AuditEntry> anonymised = audit.search(platform.userId(), AuditQuery.newest(AuditQuery.MAX_LIMIT))
                .stream().filter(AuditEntry::subjectForgotten).toList();
        assertThat(anonymised).hasSizeGreaterThanOrEqualTo(entriesAboutA + 1)
                .allSatisfy(entry -> assertThat(entry.subject()).isNull());
        assertThat(anonymised).anySatisfy(entry -> assertThat(entry.actor()).isEqualTo(therapist.userId()));
    }

    @Test
    void staffAccountsAreNotDeletedThisWay() {
        StaffMember therapist = therapist();
        Visitor asVisitor = new Visitor(therapist.userId(), therapist.organisationId());

        assertThatThrownBy(() -> personalData.deleteEverything(asVisitor)).isInstanceOf(IllegalStateException.class);
        assertThat(staff.find(therapist.userId())).isPresent();
    }

    /** Writes something in every feature, each text with its own marker; returns the markers and record ids. */
    private Person writeEverything(String name, StaffMember therapist) {
        String tag = name + UUID.randomUUID().toString().substring(0, 8);
        Visitor person = visitors.resolve(VisitorToken.generate());
        List<String> markers = new ArrayList<>();
        List<String> ids = new ArrayList<>();

        SessionSnapshot finished = dialogues.startNew(person, "kennismaking");
        int answers = 0;
        while (!finished.finished()) {
            if (finished.safetyPause().isPresent()) {
                // the risk detector is not what this test is about: go on as the person would
                finished = dialogues.continueAfterSafetyPause(person, finished.id(), finished.revision());
                continue;
            }
            String marker = "<b>" + tag + "-answer-" + answers;
            UserInput input = switch (finished.prompt()) {
                case Prompt.FreeText text -> {
                    markers.add(marker);
                    yield new UserInput.Text("Ik fiets graag naar mijn werk " + marker);
                }
                case Prompt.Choices choices -> new UserInput.Choice(choices.options().getFirst().value());
                case Prompt.Form form -> new UserInput.Answers(
                        java.util.Map.of(form.questionnaire().items().getFirst().id(), 0));
                case Prompt.None none -> throw new IllegalStateException("finished");
            };
            finished = dialogues.answer(person, finished.id(), finished.revision(), input);
            assertThat(++answers).isLessThan(40);
        }
        assertThat(dialogues.exercises(person)).isNotEmpty();

        SessionSnapshot paused = dialogues.startNew(person, "zelfbeeld");
        while (!(paused.prompt() instanceof Prompt.FreeText)) {
            Prompt.Choices choices = (Prompt.Choices) paused.prompt();
            paused = dialogues.answer(person, paused.id(), paused.revision(),
                    new UserInput.Choice(choices.options().getFirst().value()));
        }
        String crisis = tag + "-pending";
        paused = dialogues.answer(person, paused.id(), paused.revision(), new UserInput.Text(
                "Ik wil niet meer leven, ik heb de pillen al klaarliggen. " + crisis));
        assertThat(paused.safetyPause()).isPresent();
        markers.add(crisis);

        plans.save(person, SafetyPlan.empty()
                .with(SafetyPlan.Section.WARNING_SIGNS, "Ik slaap slecht " + tag + "-plan-signs")
                .with(SafetyPlan.Section.REASONS_TO_LIVE, "Mijn zus " + tag + "-plan-reasons"));
        markers.add(tag + "-plan-signs");
        markers.add(tag + "-plan-reasons");

        Screening screening = screenings.start(person, finished.id(), RiskLevel.CRISIS);
        screenings.answer(person, screening.id(), Question.WISH_TO_BE_DEAD, true);
        ids.add(screening.id().toString());

        handoffs.setOnDuty(therapist.userId(), true);
        Escalation callback = handoffs.request(person, paused.id(), RiskLevel.CRISIS, List.of("crisis.plan"));
        handoffs.leaveContact(person, callback.id(), "Bel me " + tag + "-contact");
        markers.add(tag + "-contact");
        handoffs.expireUnanswered(Instant.now().plus(Duration.ofDays(1)));
        ids.add(callback.id().toString());

        Escalation chat = handoffs.request(person, paused.id(), RiskLevel.CRISIS, List.of("crisis.plan"));
        handoffs.accept(therapist.userId(), chat.id());
        handoffs.sendFromPerson(person, chat.id(), "Het gaat niet " + tag + "-chat");
        handoffs.sendFromTherapist(therapist.userId(), chat.id(), "Ik ben er " + tag + "-reply");
        handoffs.conversation(therapist.userId(), chat.id());
        handoffs.close(therapist.userId(), chat.id(), "Afspraak gemaakt " + tag + "-note");
        markers.add(tag + "-chat");
        markers.add(tag + "-reply");
        markers.add(tag + "-note");
        ids.add(chat.id().toString());
        return new Person(person, List.copyOf(markers), List.copyOf(ids));
    }

    @Test
    void dialoguesAreExportedInWordsAndEveryMessageInTheLanguageItWasShownIn() throws Exception {
        Visitor person = visitors.resolve(VisitorToken.generate());
        SessionSnapshot session = dialogues.startNew(person, "anderen");
        dialogues.shownIn(person, session.id(), java.util.Locale.ENGLISH);
        session = dialogues.answer(person, session.id(), session.revision(), new UserInput.Choice("partner"));
        // the person switches to Dutch halfway
        dialogues.shownIn(person, session.id(), SpiegelI18NProvider.DUTCH);
        session = dialogues.answer(person, session.id(), session.revision(),
                new UserInput.Text("We hadden ruzie over de vakantie."));
        while (!session.finished()) {
            session = dialogues.answer(person, session.id(), session.revision(), switch (session.prompt()) {
                case Prompt.FreeText text -> new UserInput.Text("Iets kleins proberen.");
                case Prompt.Choices choices -> new UserInput.Choice(choices.options().getFirst().value());
                case Prompt.Form form -> throw new IllegalStateException("no questionnaire in this dialogue");
                case Prompt.None none -> throw new IllegalStateException("finished");
            });
        }

        JsonNode dialogue = JSON.readTree(exportJson(person)).get("sections").get("dialogues").get(0);
        assertThat(dialogue.get("dialogue").asString()).isEqualTo("Hoe ga ik om met anderen?");
        assertThat(dialogue.get("status").asString()).isEqualTo("Afgerond");
        assertThat(dialogue.get("shownIn").asString()).isEqualTo("Nederlands");
        List<String> texts = new ArrayList<>();
        dialogue.get("messages").forEach(message -> texts.add(message.get("text").asString()));
        assertThat(texts).as("shown in English before the switch")
                .contains("In this conversation we look at how you relate to people who matter to you. Take your "
                        + "time; write as much or as little as you like.", "My partner, or someone I have feelings for");
        assertThat(texts).as("shown in Dutch after the switch").contains("We hadden ruzie over de vakantie.")
                .contains("Wat deed jij in die situatie vooral?")
                .doesNotContain("What did you mostly do in that situation?");
        List<String> kinds = new ArrayList<>();
        dialogue.get("messages").forEach(message -> kinds.add(message.get("kind").asString()));
        assertThat(kinds).contains("Jouw antwoord", "Jouw keuze", "Spiegeling van je woorden", "Samenvatting");
        assertThat(dialogue.get("answers").toString()).contains("Met wie speelt het op dit moment het meest?",
                "Mijn partner, of iemand op wie ik verliefd ben", "We hadden ruzie over de vakantie.");

        String section = JSON.readTree(exportJson(person)).get("sections").get("dialogues").toString()
                + JSON.readTree(exportJson(person)).get("sections").get("exercises").toString();
        assertThat(section).as("no internal ids or codes")
                .doesNotContain(session.id().toString(), "FINISHED", "ACTIVE", "USER_TEXT", "REFLECTION",
                        "\"situatie\"", "#risk")
                .doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(exportHtml(person)).contains("Getoond in", "Afgerond", "Jouw antwoord").doesNotContain("!mydata.");
    }

    private StaffMember therapist() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return staff.create("therapeut-" + unique + "@example.org", "een-lang-test-wachtwoord",
                "Therapeut " + unique, Role.THERAPIST, OrganisationId.DEFAULT);
    }

    private String exportJson(Visitor visitor) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        personalData.exportJson(visitor, SpiegelI18NProvider.DUTCH, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private String exportHtml(Visitor visitor) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        personalData.exportHtml(visitor, SpiegelI18NProvider.DUTCH, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The export without what changes between two exports: the moment and the growing audit section. */
    private static String withoutMoments(String json) {
        JsonNode tree = JSON.readTree(json);
        ((tools.jackson.databind.node.ObjectNode) tree).remove("exportedAt");
        ((tools.jackson.databind.node.ObjectNode) tree.get("sections")).remove("auditTrail");
        ((tools.jackson.databind.node.ObjectNode) tree.get("sections").get("account")).remove("lastSeenAt");
        return tree.toString();
    }

    private static String escaped(String marker) {
        return marker.replace("<", "&lt;").replace(">", "&gt;");
    }

    private int entriesAbout(String pseudonym) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE subject_ref = ?").param(pseudonym)
                .query(Integer.class).single();
    }

    /**
     * Scans every column of every table of the schema for the given texts (ids and, where a column is still
     * plaintext, what people wrote); returns "table.column" to the number of rows that contain one.
     */
    private Map<String, Integer> mentions(List<String> texts) {
        List<String[]> columns = jdbc.sql("""
                SELECT c.TABLE_NAME, c.COLUMN_NAME FROM information_schema.COLUMNS c
                JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
                WHERE c.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE = 'BASE TABLE'
                ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION""")
                .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
        assertThat(columns).extracting(column -> column[0]).contains("users", "dialogue_messages", "escalations",
                "audit_events", "audit_pseudonyms");
        Map<String, Integer> found = new TreeMap<>();
        for (String[] column : columns) {
            for (String text : texts) {
                int rows = jdbc.sql("SELECT COUNT(*) FROM `" + column[0] + "` WHERE CAST(`" + column[1]
                                + "` AS BINARY) LIKE CONCAT('%', CAST(? AS BINARY), '%')")
                        .param(text).query(Integer.class).single();
                if (rows > 0) {
                    found.merge(column[0] + "." + column[1], rows, Integer::sum);
                }
            }
        }
        return found;
    }
}
