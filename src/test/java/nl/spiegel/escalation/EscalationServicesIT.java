package nl.spiegel.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.dialogue.SessionId;
import nl.spiegel.escalation.screening.Grade;
import nl.spiegel.escalation.screening.Question;
import nl.spiegel.identity.Visitor;
import nl.spiegel.identity.VisitorService;
import nl.spiegel.identity.VisitorToken;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.risk.RiskLevel;
import nl.spiegel.shared.crypto.EncryptedColumn;
import nl.spiegel.shared.crypto.FieldCipher;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;

@SpiegelIntegrationTest
class EscalationServicesIT {

    private static final EncryptedColumn ANSWERS = EncryptedColumn.of("screenings", "id", "answers", "key_id");

    @Autowired
    CrisisContacts contacts;
    @Autowired
    ScreeningService screenings;
    @Autowired
    SafetyPlanService plans;
    @Autowired
    VisitorService visitors;
    @Autowired
    DialogueService dialogues;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FieldCipher cipher;

    Visitor visitor;
    Visitor someoneElse;

    @BeforeEach
    void twoVisitors() {
        visitor = visitors.resolve(VisitorToken.generate());
        someoneElse = visitors.resolve(VisitorToken.generate());
    }

    // crisis contacts

    @Test
    void withoutOwnContactsAnOrganisationGetsTheDutchDefaultsInTheLanguageAskedFor() {
        List<CrisisContact> dutch = contacts.forOrganisation(OrganisationId.DEFAULT, SpiegelI18NProvider.DUTCH);
        List<CrisisContact> english = contacts.forOrganisation(OrganisationId.DEFAULT, SpiegelI18NProvider.ENGLISH);

        assertThat(dutch).extracting(CrisisContact::name)
                .containsExactly("113 Zelfmoordpreventie", "112", "Huisarts of huisartsenpost", "Veilig Thuis");
        assertThat(english).extracting(CrisisContact::name)
                .containsExactly("113 Suicide Prevention", "112", "GP or out-of-hours GP service", "Veilig Thuis");
        assertThat(dutch.getFirst().description()).contains("Dag en nacht");
        assertThat(english.getFirst().description()).contains("Day and night");
        for (List<CrisisContact> list : List.of(dutch, english)) {
            assertThat(list.stream().flatMap(contact -> contact.phones().stream()).map(CrisisContact::telHref))
                    .containsExactly("tel:113", "tel:08000113", "tel:112", "tel:08002000");
            assertThat(list.getFirst().webAddress()).contains("https://www.113.nl");
        }
    }

    @Test
    void anOrganisationsOwnContactsReplaceTheDefaultsPerLanguageInItsOrder() {
        OrganisationId organisation = newOrganisation();
        contact(organisation, "nl", 2, "Huisartsenpost Noord", "Buiten kantoortijd.", "0900-1234", null);
        contact(organisation, "nl", 1, "113 Zelfmoordpreventie", "Dag en nacht.", "113, 0800-0113",
                "https://www.113.nl");
        contact(organisation, "en", 1, "Crisis line", "Day and night.", "0800-0113", "javascript:alert(1)");

        List<CrisisContact> dutch = contacts.forOrganisation(organisation, SpiegelI18NProvider.DUTCH);
        List<CrisisContact> english = contacts.forOrganisation(organisation, SpiegelI18NProvider.ENGLISH);

        assertThat(dutch).containsExactly(
                new CrisisContact("113 Zelfmoordpreventie", "Dag en nacht.", List.of("113", "0800-0113"),
                        "https://www.113.nl"),
                new CrisisContact("Huisartsenpost Noord", "Buiten kantoortijd.", List.of("0900-1234"), null));
        assertThat(english).extracting(CrisisContact::name).containsExactly("Crisis line");
        assertThat(english.getFirst().webAddress()).as("only http(s) addresses are linked").isEmpty();
        assertThat(contacts.forOrganisation(OrganisationId.DEFAULT, SpiegelI18NProvider.DUTCH))
                .as("other organisations keep the defaults").extracting(CrisisContact::name)
                .contains("Veilig Thuis");
    }

    @Test
    void anOrganisationWithContactsInOneLanguageOnlyShowsItsOwnNumbersInTheOther() {
        OrganisationId organisation = newOrganisation();
        contact(organisation, "nl", 1, "Crisisdienst Zuid", "Dag en nacht.", "0800-9999", null);

        assertThat(contacts.forOrganisation(organisation, SpiegelI18NProvider.ENGLISH))
                .extracting(CrisisContact::name).containsExactly("Crisisdienst Zuid");
    }

    // screenings

    @Test
    void aScreeningIsStoredAnswerByAnswerAndGradedWhenComplete() {
        SessionId session = session(visitor);
        Screening screening = screenings.start(visitor, session, RiskLevel.CRISIS);
        assertThat(screening.next()).contains(Question.WISH_TO_BE_DEAD);
        assertThat(row(screening.id()).get("grade")).as("no grade while it runs").isNull();

        screening = screenings.answer(visitor, screening.id(), Question.WISH_TO_BE_DEAD, true);
        screening = screenings.answer(visitor, screening.id(), Question.SUICIDAL_THOUGHTS, true);
        screening = screenings.answer(visitor, screening.id(), Question.THOUGHT_OF_HOW, true);
        screening = screenings.answer(visitor, screening.id(), Question.INTENT, false);
        screening = screenings.answer(visitor, screening.id(), Question.PLAN_AND_INTENT, false);
        assertThat(screening.finished()).isFalse();
        screening = screenings.answer(visitor, screening.id(), Question.BEHAVIOUR, false);

        assertThat(screening.finished()).isTrue();
        assertThat(screening.grade()).isEqualTo(Grade.MODERATE);
        assertThat(screenings.find(visitor, screening.id())).contains(screening);
        Map<String, Object> row = row(screening.id());
        assertThat(row).containsEntry("grade", "MODERATE").containsEntry("trigger_level", "CRISIS")
                .containsEntry("session_id", session.toString()).containsEntry("user_id", visitor.userId().toString())
                .containsEntry("organisation_id", visitor.organisationId().toString());
        assertThat(row.get("finished_at")).isNotNull();
        assertThat(row.get("key_id")).as("stored encrypted").isEqualTo(cipher.activeKeyId());
        assertThat(new String((byte[]) row.get("answers"), StandardCharsets.UTF_8)).doesNotContain("q1");
        assertThat(cipher.decryptToString(ANSWERS, screening.id().toString(), (byte[]) row.get("answers"),
                (String) row.get("key_id"))).isEqualTo("{\"q1\":true,\"q2\":true,\"q3\":true,\"q4\":false,\"q5\":false,\"q6\":false}");
    }

    @Test
    void aYesToIntentFinishesTheScreeningAsHighAtOnce() {
        Screening screening = screenings.start(visitor, session(visitor), RiskLevel.CONCERN);
        for (Question question : List.of(Question.WISH_TO_BE_DEAD, Question.SUICIDAL_THOUGHTS,
                Question.THOUGHT_OF_HOW, Question.INTENT)) {
            screening = screenings.answer(visitor, screening.id(), question, true);
        }
        assertThat(screening.finished()).isTrue();
        assertThat(row(screening.id())).containsEntry("grade", "HIGH");
    }

    @Test
    void youMisunderstoodMeIsRecordedWithTheAnswersSoFar() {
        Screening screening = screenings.start(visitor, session(visitor), RiskLevel.CRISIS);
        screening = screenings.answer(visitor, screening.id(), Question.WISH_TO_BE_DEAD, true);

        Screening dismissed = screenings.dismiss(visitor, screening.id());

        assertThat(dismissed.dismissed()).isTrue();
        assertThat(dismissed.finished()).isTrue();
        assertThat(dismissed.next()).isEmpty();
        assertThat(dismissed.grade()).isEqualTo(Grade.LOW);
        Map<String, Object> row = row(screening.id());
        assertThat(row.get("dismissed")).isEqualTo(true);
        assertThat(row).containsEntry("grade", "LOW");
        ScreeningId id = screening.id();
        assertThatThrownBy(() -> screenings.answer(visitor, id, Question.SUICIDAL_THOUGHTS, false))
                .as("no answers after a dismissal").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anotherVisitorCannotSeeAnswerOrDismissSomeoneElsesScreening() {
        Screening screening = screenings.start(visitor, session(visitor), RiskLevel.CRISIS);
        ScreeningId id = screening.id();

        assertThat(screenings.find(someoneElse, id)).isEmpty();
        assertThatThrownBy(() -> screenings.answer(someoneElse, id, Question.WISH_TO_BE_DEAD, true))
                .isInstanceOf(ScreeningNotFoundException.class);
        assertThatThrownBy(() -> screenings.dismiss(someoneElse, id)).isInstanceOf(ScreeningNotFoundException.class);

        Map<String, Object> row = row(id);
        assertThat(row.get("dismissed")).isEqualTo(false);
        assertThat(cipher.decryptToString(ANSWERS, id.toString(), (byte[]) row.get("answers"),
                (String) row.get("key_id"))).isEqualTo("{}");
        assertThat(screenings.find(visitor, id)).isPresent();
    }

    @Test
    void anAnswerToAQuestionNotAskedIsRefusedAndNothingIsStored() {
        Screening screening = screenings.start(visitor, session(visitor), RiskLevel.CONCERN);
        ScreeningId id = screening.id();

        assertThatThrownBy(() -> screenings.answer(visitor, id, Question.INTENT, true))
                .isInstanceOf(IllegalStateException.class);
        assertThat(screenings.find(visitor, id).orElseThrow().screener().answers()).isEmpty();
    }

    // safety plans

    @Test
    void aSafetyPlanIsSavedAndReloadedAndCanBeChanged() {
        assertThat(plans.load(visitor).isEmpty()).isTrue();
        SafetyPlan plan = SafetyPlan.empty()
                .with(SafetyPlan.Section.WARNING_SIGNS, "Ik slaap slecht en zeg afspraken af.")
                .with(SafetyPlan.Section.REASONS_TO_LIVE, "Mijn zus, mijn kat Pip.");

        plans.save(visitor, plan);
        assertThat(plans.load(visitor)).isEqualTo(plan);

        SafetyPlan changed = plan.with(SafetyPlan.Section.PEOPLE_TO_ASK, "Sanne 06-12345678");
        plans.save(visitor, changed);
        assertThat(plans.load(visitor)).isEqualTo(changed);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM safety_plans WHERE user_id = ?").param(visitor.userId().toString())
                .query(Integer.class).single()).as("one plan per person").isEqualTo(1);
    }

    @Test
    void aSafetyPlanBelongsToItsOwnerOnly() {
        plans.save(visitor, SafetyPlan.empty().with(SafetyPlan.Section.OWN_COPING, "Een rondje lopen."));

        assertThat(plans.load(someoneElse).isEmpty()).isTrue();
        plans.save(someoneElse, SafetyPlan.empty().with(SafetyPlan.Section.OWN_COPING, "Muziek."));
        assertThat(plans.load(visitor).text(SafetyPlan.Section.OWN_COPING)).isEqualTo("Een rondje lopen.");
        assertThat(plans.load(someoneElse).text(SafetyPlan.Section.OWN_COPING)).isEqualTo("Muziek.");
    }

    @Test
    void thePlanTextIsStoredOnlyEncryptedInTheRowOfItsOwner() {
        String words = "Mijn reden " + UUID.randomUUID();
        plans.save(visitor, SafetyPlan.empty().with(SafetyPlan.Section.REASONS_TO_LIVE, words));
        plans.save(someoneElse, SafetyPlan.empty().with(SafetyPlan.Section.REASONS_TO_LIVE, "iets anders"));

        String type = jdbc.sql("""
                SELECT DATA_TYPE FROM information_schema.COLUMNS
                WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'safety_plans' AND COLUMN_NAME = 'sections'""")
                .query(String.class).single();
        assertThat(type).isEqualTo("mediumblob");
        byte[] stored = jdbc.sql("SELECT sections FROM safety_plans WHERE user_id = ?")
                .param(visitor.userId().toString()).query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain(words);
        assertThat(cipher.decryptToString(EncryptedColumn.of("safety_plans", "id", "sections", "key_id", "user_id"),
                visitor.userId().toString(), stored, cipher.activeKeyId())).contains(words);
        assertThat(jdbc.sql("SELECT user_id FROM safety_plans WHERE INSTR(sections, ?) > 0")
                .param(words.getBytes(StandardCharsets.UTF_8)).query(String.class).list())
                .as("the words are nowhere in plaintext").isEmpty();
    }

    @Test
    void aSectionLongerThanAllowedIsRefusedAndTheOldPlanKept() {
        plans.save(visitor, SafetyPlan.empty().with(SafetyPlan.Section.DISTRACTION, "Naar het park."));
        SafetyPlan tooLong = SafetyPlan.empty()
                .with(SafetyPlan.Section.DISTRACTION, "x".repeat(SafetyPlan.MAX_SECTION_LENGTH + 1));

        assertThatThrownBy(() -> plans.save(visitor, tooLong)).isInstanceOf(IllegalArgumentException.class);
        assertThat(plans.load(visitor).text(SafetyPlan.Section.DISTRACTION)).isEqualTo("Naar het park.");
    }

    private SessionId session(Visitor owner) {
        return dialogues.startNew(owner, "kennismaking").id();
    }

    private Map<String, Object> row(ScreeningId id) {
        return jdbc.sql("SELECT * FROM screenings WHERE id = ?").param(id.toString()).query().singleRow();
    }

    private OrganisationId newOrganisation() {
        OrganisationId organisation = new OrganisationId(UUID.randomUUID());
        jdbc.sql("INSERT INTO organisations (id, slug, name, created_at) VALUES (?, ?, ?, UTC_TIMESTAMP(6))")
                .params(organisation.toString(), "org-" + organisation.value(), "Test organisation").update();
        return organisation;
    }

    private void contact(OrganisationId organisation, String language, int position, String name, String description,
                         String phone, String url) {
        jdbc.sql("""
                INSERT INTO crisis_contacts (organisation_id, language, position, name, description, phone, url)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(organisation.toString(), language, position, name, description, phone, url).update();
    }
}
