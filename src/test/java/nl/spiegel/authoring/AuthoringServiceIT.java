package nl.spiegel.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.dialogue.DialogueCard;
import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.dialogue.SessionSnapshot;
import nl.spiegel.dialogue.UnknownDialogueException;
import nl.spiegel.dialogue.engine.UserInput;
import nl.spiegel.identity.Role;
import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.Visitor;
import nl.spiegel.identity.VisitorService;
import nl.spiegel.organisation.OrganisationId;

/** Publishing scripts into the database: versions, pinning, rollback and organisation isolation. */
@SpiegelIntegrationTest
class AuthoringServiceIT {

    @Autowired
    AuthoringService authoring;
    @Autowired
    DialogueService dialogues;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StaffDirectory staff;
    @Autowired
    VisitorService visitors;

    AuthoringFixtures fixtures;
    OrganisationId clinic;
    StaffMember admin;
    String scriptId;

    @BeforeEach
    void clinic() {
        fixtures = new AuthoringFixtures(jdbc, staff, visitors);
        clinic = fixtures.organisation();
        admin = fixtures.admin(clinic);
        scriptId = "welkom-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theShippedScriptsAreVersionOneOfTheDefaultCatalogueAndOfferedToEveryOrganisation() {
        assertThat(jdbc.sql("""
                SELECT script_id FROM dialogue_scripts
                WHERE organisation_id = ? AND version = 1 AND origin = 'SHIPPED'""")
                .param(OrganisationId.DEFAULT.toString()).query(String.class).list())
                .contains("kennismaking", "emoties", "wensen", "zelfbeeld");

        assertThat(dialogues.catalogue(fixtures.person(clinic))).extracting(DialogueCard::scriptId)
                .contains("kennismaking", "emoties", "wensen", "zelfbeeld");
    }

    @Test
    void aPublishedScriptIsOfferedOnlyToThePeopleOfItsOrganisation() {
        ScriptVersion published = authoring.publish(admin.userId(), clinic, AuthoringFixtures.script(scriptId,
                "Welkom bij de kliniek."));

        assertThat(published.version()).isEqualTo(1);
        assertThat(published.origin()).isEqualTo("PUBLISHED");
        assertThat(dialogues.catalogue(fixtures.person(clinic))).extracting(DialogueCard::scriptId).contains(scriptId);
        Visitor outsider = fixtures.person(fixtures.organisation());
        Visitor direct = fixtures.person(OrganisationId.DEFAULT);
        assertThat(dialogues.catalogue(outsider)).extracting(DialogueCard::scriptId).doesNotContain(scriptId);
        assertThat(dialogues.catalogue(direct)).extracting(DialogueCard::scriptId).doesNotContain(scriptId);
        assertThatThrownBy(() -> dialogues.startNew(outsider, scriptId)).isInstanceOf(UnknownDialogueException.class);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM audit_events
                WHERE record_type = 'DIALOGUE_SCRIPT' AND record_id = ? AND action = 'CREATE' AND organisation_id = ?""")
                .params(scriptId + ":1", clinic.toString()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aRunningSessionStaysOnItsVersionWhileNewSessionsGetTheNewestAndARollbackPublishesTheOldTextAgain() {
        authoring.publish(admin.userId(), clinic, AuthoringFixtures.script(scriptId, "Hallo van versie een."));
        Visitor person = fixtures.person(clinic);
        SessionSnapshot running = dialogues.startNew(person, scriptId);
        assertThat(running.messages().getFirst().text().in("nl")).isEqualTo("Hallo van versie een.");

        ScriptVersion second = authoring.publish(admin.userId(), clinic,
                AuthoringFixtures.script(scriptId, "Hallo van versie twee.")
                        .replace("Dank je wel.", "Dank je wel, tot ziens."));
        assertThat(second.version()).isEqualTo(2);

        SessionSnapshot afterAnswer = dialogues.answer(person, running.id(), running.revision(),
                new UserInput.Choice("goed"));
        SessionSnapshot finished = dialogues.answer(person, afterAnswer.id(), afterAnswer.revision(),
                new UserInput.Text("mijn werk"));
        assertThat(finished.finished()).isTrue();
        assertThat(finished.messages()).extracting(message -> message.text().in("nl"))
                .as("the session that started on version 1 ends with version 1's words")
                .contains("Dank je wel.").doesNotContain("Dank je wel, tot ziens.");
        assertThat(dialogues.startNew(person, scriptId).messages().getFirst().text().in("nl"))
                .isEqualTo("Hallo van versie twee.");

        ScriptVersion rolledBack = authoring.rollback(admin.userId(), clinic, scriptId, 1);
        assertThat(rolledBack.version()).isEqualTo(3);
        assertThat(rolledBack.origin()).isEqualTo("ROLLBACK");
        assertThat(rolledBack.basedOn()).isEqualTo(1);
        assertThat(dialogues.startNew(fixtures.person(clinic), scriptId).messages().getFirst().text().in("nl"))
                .isEqualTo("Hallo van versie een.");
        assertThat(authoring.history(admin.userId(), clinic, scriptId)).extracting(ScriptVersion::version)
                .containsExactly(3, 2, 1);
        assertThat(authoring.source(admin.userId(), clinic, scriptId, 3).orElseThrow()).contains("version: 3");

        List<DiffLine> diff = authoring.diff(admin.userId(), clinic, scriptId, 1, 2);
        assertThat(diff).filteredOn(line -> line.kind() == DiffLine.Kind.REMOVED).extracting(DiffLine::text)
                .anyMatch(text -> text.contains("Hallo van versie een.")).contains("version: 1");
        assertThat(diff).filteredOn(line -> line.kind() == DiffLine.Kind.ADDED).extracting(DiffLine::text)
                .anyMatch(text -> text.contains("Hallo van versie twee.")).contains("version: 2");
        assertThat(diff).filteredOn(line -> line.kind() == DiffLine.Kind.SAME).isNotEmpty();
    }

    @Test
    void aScriptThatFailsTheCheckIsNotPublishedAndNothingIsStored() {
        String broken = AuthoringFixtures.script(scriptId, "Hallo.").replace("    maxLength: 300\n",
                "    maxLength: 300\n    riskScan: false\n");

        assertThatThrownBy(() -> authoring.publish(admin.userId(), clinic, broken))
                .isInstanceOfSatisfying(PublishRefusedException.class, refused -> assertThat(refused.issues())
                        .extracting(ScriptIssue::code).containsExactly("safety-key"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM dialogue_scripts WHERE script_id = ?").param(scriptId)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void publishingIntoAnotherOrganisationIsRefusedAndAudited() {
        OrganisationId other = fixtures.organisation();

        assertThatThrownBy(() -> authoring.publish(admin.userId(), other, AuthoringFixtures.script(scriptId, "Hoi.")))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM dialogue_scripts WHERE script_id = ?").param(scriptId)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM audit_events e JOIN audit_pseudonyms p ON p.pseudonym = e.actor_ref
                WHERE p.user_id = ? AND e.action = 'ACCESS_DENIED' AND e.record_type = 'DIALOGUE_SCRIPT'
                  AND e.organisation_id = ?""")
                .params(admin.userId().toString(), other.toString()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aTherapistCannotPublishEvenInTheirOwnOrganisation() {
        StaffMember therapist = fixtures.member(Role.THERAPIST, clinic);

        assertThatThrownBy(() -> authoring.publish(therapist.userId(), clinic,
                AuthoringFixtures.script(scriptId, "Hoi."))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anOrganisationCannotTakeTheIdOfASharedDialogue() {
        String copy = AuthoringFixtures.script("kennismaking", "Hoi.");

        assertThatThrownBy(() -> authoring.publish(admin.userId(), clinic, copy))
                .isInstanceOfSatisfying(PublishRefusedException.class, refused -> assertThat(refused.issues())
                        .extracting(ScriptIssue::code).containsExactly("id-taken"));
    }
}
