package nl.spiegel.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.dialogue.SessionId;
import nl.spiegel.identity.Visitor;
import nl.spiegel.identity.VisitorService;
import nl.spiegel.identity.VisitorToken;
import nl.spiegel.privacy.PersonalDataService;
import nl.spiegel.progress.scoring.Band;
import nl.spiegel.progress.scoring.Instrument;
import nl.spiegel.shared.crypto.FieldCipher;
import nl.spiegel.shared.crypto.KeyRotation;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;

/** Questionnaire results and mood check-ins on the real database: encrypted at rest, per person, exported and deleted with the rest. */
@SpiegelIntegrationTest
class ProgressIT {

    @Autowired
    ProgressService progress;
    @Autowired
    VisitorService visitors;
    @Autowired
    PersonalDataService personalData;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FieldCipher cipher;
    @Autowired
    KeyRotation rotation;
    @Autowired
    MoodService moods;
    @Autowired
    DialogueService dialogues;

    private static final List<Integer> PHQ9 = Arrays.asList(1, 2, 0, 3, 1, 0, 2, 1, 0);

    private Visitor newVisitor() {
        return visitors.resolve(VisitorToken.generate());
    }

    @Test
    void answersAreStoredEncryptedWithTheOrganisationAndReadBackWithTheirScore() {
        Visitor person = newVisitor();
        QuestionnaireResult stored = progress.submit(person, Instrument.PHQ9, PHQ9);

        Map<String, Object> row = jdbc.sql("""
                SELECT organisation_id, instrument, answers, key_id FROM questionnaire_results WHERE id = ?""")
                .param(stored.id().toString()).query().singleRow();
        assertThat(row.get("organisation_id")).isEqualTo(person.organisationId().toString());
        assertThat(row.get("instrument")).isEqualTo("phq9");
        assertThat(row.get("key_id")).isEqualTo(cipher.activeKeyId());
        byte[] answers = (byte[]) row.get("answers");
        assertThat(FieldCipher.keyIdOf(answers)).isEqualTo(cipher.activeKeyId());
        // neither the answers nor the total appear in plaintext
        String raw = new String(answers, StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("120310210").doesNotContain("1,2,0,3");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM questionnaire_results WHERE LOCATE(?, answers) > 0")
                .param("120310210").query(Integer.class).single()).isZero();
        assertThat(rotation.columns()).anySatisfy(column ->
                assertThat(column.table()).isEqualTo("questionnaire_results"));

        List<QuestionnaireResult> history = progress.history(person);
        assertThat(history).containsExactly(stored);
        assertThat(history.getFirst().score().total()).hasValue(10);
        assertThat(history.getFirst().score().band()).isEqualTo(Band.MODERATE);
    }

    @Test
    void aSkippedItemIsStoredAndGivesNoTotal() {
        Visitor person = newVisitor();
        progress.submit(person, Instrument.GAD7, Arrays.asList(3, null, 3, 3, 3, 3, 3));
        QuestionnaireResult read = progress.history(person, Instrument.GAD7).getFirst();
        assertThat(read.score().complete()).isFalse();
        assertThat(read.score().answers()).containsExactly(3, null, 3, 3, 3, 3, 3);
        assertThat(read.score().total()).isEmpty();
    }

    @Test
    void nobodySeesAnotherPersonsResults() {
        Visitor one = newVisitor();
        Visitor other = newVisitor();
        progress.submit(one, Instrument.PHQ9, PHQ9);
        assertThat(progress.history(other)).isEmpty();
        assertThat(progress.history(one)).hasSize(1);
    }

    @Test
    void theExportHoldsTheResultsAndDeletionRemovesThem() throws Exception {
        Visitor person = newVisitor();
        Visitor other = newVisitor();
        QuestionnaireResult mine = progress.submit(person, Instrument.PHQ9, PHQ9);
        progress.submit(person, Instrument.GAD7, Arrays.asList(0, 0, 1, 0, 0, 0, 0));
        progress.submit(other, Instrument.PHQ9, PHQ9);
        SessionId session = dialogues.startNew(person, "kennismaking").id();
        moods.record(person, session, nl.spiegel.progress.MoodMoment.START, 3);
        moods.record(other, dialogues.startNew(other, "kennismaking").id(), nl.spiegel.progress.MoodMoment.START, 4);

        ByteArrayOutputStream json = new ByteArrayOutputStream();
        personalData.exportJson(person, SpiegelI18NProvider.DUTCH, json);
        assertThat(json.toString(StandardCharsets.UTF_8)).contains("\"questionnaires\"", mine.id().toString(),
                "\"phq9\"", "\"gad7\"", "\"moderate\"", "\"minimal\"",
                "\"moodCheckIns\"", session.toString());
        ByteArrayOutputStream html = new ByteArrayOutputStream();
        personalData.exportHtml(person, SpiegelI18NProvider.DUTCH, html);
        assertThat(html.toString(StandardCharsets.UTF_8)).contains("Vragenlijsten", "phq9");

        personalData.deleteEverything(person);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM questionnaire_results WHERE user_id = ?")
                .param(person.userId().toString()).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mood_checkins WHERE user_id = ?")
                .param(person.userId().toString()).query(Integer.class).single()).isZero();
        assertThat(progress.history(other)).hasSize(1);
        assertThat(moods.history(other)).hasSize(1);
    }
}
