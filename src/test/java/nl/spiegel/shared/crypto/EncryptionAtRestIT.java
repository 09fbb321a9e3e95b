package nl.spiegel.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.dialogue.SessionSnapshot;
import nl.spiegel.dialogue.engine.Turn;
import nl.spiegel.escalation.SafetyPlan;
import nl.spiegel.escalation.SafetyPlanService;
import nl.spiegel.escalation.handoff.Author;
import nl.spiegel.escalation.handoff.HandoffMessage;
import nl.spiegel.identity.Visitor;
import nl.spiegel.identity.VisitorService;
import nl.spiegel.identity.VisitorToken;

/**
 * What people write, and every text that mirrors it, is stored encrypted: a distinctive text is found in no column of
 * any table, while the services still show it. Rows without a key id (written before encryption) stay readable; rows
 * under a key that is not configured fail loudly instead of showing garbage.
 */
@SpiegelIntegrationTest
class EncryptionAtRestIT {

    /** Per table with encrypted columns: how to find the rows of one person (the parameter is the user id). */
    private static final Map<String, String> OWNED_BY = Map.of(
            "dialogue_sessions", "user_id = ?",
            "dialogue_messages", "session_id IN (SELECT id FROM dialogue_sessions WHERE user_id = ?)",
            "exercises", "user_id = ?",
            "screenings", "user_id = ?",
            "safety_plans", "user_id = ?",
            "escalations", "user_id = ?",
            "escalation_messages", "escalation_id IN (SELECT id FROM escalations WHERE user_id = ?)");

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FieldCipher cipher;
    @Autowired
    KeyRotation rotation;
    @Autowired
    DialogueService dialogues;
    @Autowired
    SafetyPlanService plans;
    @Autowired
    VisitorService visitors;

    @Test
    void aDistinctiveTextIsInNoColumnOfAnyTableWhileTheServicesStillShowIt() {
        String marker = "Kwikstaart" + UUID.randomUUID().toString().substring(0, 8);
        PersonalDataFixture fixture = new PersonalDataFixture(context);
        PersonalDataFixture.Written written = fixture.write(marker);
        PersonalDataFixture.ReadBack read = fixture.read(written);

        assertThat(read.finishedDialogue()).filteredOn(message -> message.kind() == Turn.Kind.USER_TEXT)
                .isNotEmpty().allMatch(message -> message.text().in("nl").contains(marker));
        assertThat(read.finishedDialogue()).as("the bot mirrors the person's words")
                .filteredOn(message -> !message.kind().fromUser())
                .anyMatch(message -> message.text().in("nl").contains(marker));
        assertThat(read.finishedDialogue()).extracting(message -> message.kind())
                .contains(Turn.Kind.SUMMARY, Turn.Kind.EXERCISE);
        assertThat(read.pausedDialogue().getLast().text().in("nl")).contains(marker);
        assertThat(read.plan().text(SafetyPlan.Section.REASONS_TO_LIVE)).isEqualTo("Mijn zus en " + marker);
        assertThat(read.screening().screener().answers()).hasSize(2);
        assertThat(read.conversation()).extracting(HandoffMessage::author, HandoffMessage::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Author.PERSON, "Het gaat niet " + marker),
                org.assertj.core.groups.Tuple.tuple(Author.THERAPIST, "Je zegt: " + marker + ". Ik ben er."));
        assertThat(read.contact()).isEqualTo("Bel 06-12345678 " + marker);
        assertThat(read.outcomeNote()).isEqualTo("Afspraak gemaakt na " + marker);
        assertThat(read.exercises()).hasSize(1);

        assertThat(columnsContaining(marker)).as("columns holding the person's words in plaintext").isEmpty();
        // the exercise and the other bot texts come from the script, but are stored encrypted all the same; only the
        // published script itself holds them in plaintext (content, nobody's data)
        String exercise = read.exercises().getFirst().text().in("nl");
        assertThat(columnsContaining(exercise.substring(0, 30))).isSubsetOf("dialogue_scripts.source");
        assertThat(columnsContaining(read.exercises().getFirst().title().in("nl")))
                .isSubsetOf("dialogue_scripts.source");
        // screening answers are yes/no flags per question code, stored as JSON before encryption
        assertThat(columnsContaining("\"q1\":true")).isEmpty();

        // every row written for this person names the key it was encrypted with, and the ciphertext agrees
        List<EncryptedColumn> registered = rotation.columns();
        assertThat(registered).extracting(EncryptedColumn::table).containsAll(PersonalDataFixture.TABLES);
        assertThat(OWNED_BY).containsOnlyKeys(PersonalDataFixture.TABLES);
        for (EncryptedColumn column : registered) {
            if (!OWNED_BY.containsKey(column.table())) {
                continue;
            }
            List<Map<String, Object>> rows = jdbc.sql("SELECT " + column.dataColumn() + " AS data, "
                    + column.keyIdColumn() + " AS key_id FROM " + column.table() + " WHERE "
                    + column.dataColumn() + " IS NOT NULL AND " + OWNED_BY.get(column.table()))
                    .param(written.person().userId().toString()).query().listOfRows();
            assertThat(rows).as(column.purpose()).isNotEmpty().allSatisfy(row -> {
                assertThat(row.get("key_id")).as(column.purpose()).isEqualTo(cipher.activeKeyId());
                assertThat(FieldCipher.keyIdOf((byte[]) row.get("data"))).isEqualTo(cipher.activeKeyId());
            });
        }
    }

    @Test
    void theSearchFindsPlaintextAndARowWithoutKeyIdIsRefusedRatherThanReadAsPlaintext() {
        Visitor visitor = visitors.resolve(VisitorToken.generate());
        plans.save(visitor, SafetyPlan.empty().with(SafetyPlan.Section.OWN_COPING, "nieuw"));
        String legacy = "Oud plan " + UUID.randomUUID();
        String code = SafetyPlan.Section.OWN_COPING.code();
        jdbc.sql("UPDATE safety_plans SET sections = ?, key_id = NULL WHERE user_id = ?")
                .params(("{\"" + code + "\":\"" + legacy + "\"}").getBytes(StandardCharsets.UTF_8),
                        visitor.userId().toString())
                .update();

        assertThat(columnsContaining(legacy)).as("the search does find plaintext").containsExactly(
                "safety_plans.sections");
        assertThat(columnsContaining(visitor.userId().toString())).contains("users.id", "safety_plans.user_id");
        // whoever can write to the database cannot slip text in that the app would show as the person's own
        assertThatThrownBy(() -> plans.load(visitor)).isInstanceOf(FieldCipher.DecryptionException.class)
                .hasMessageContaining("without a key id").hasMessageNotContaining(legacy);
    }

    @Test
    void aValueCopiedIntoAnotherPersonsRowDoesNotDecrypt() {
        Visitor owner = visitors.resolve(VisitorToken.generate());
        Visitor other = visitors.resolve(VisitorToken.generate());
        plans.save(owner, SafetyPlan.empty().with(SafetyPlan.Section.OWN_COPING, "Bellen met Fatima."));
        plans.save(other, SafetyPlan.empty().with(SafetyPlan.Section.OWN_COPING, "Wandelen."));
        Map<String, Object> ownerRow = jdbc.sql("SELECT sections, key_id FROM safety_plans WHERE user_id = ?")
                .param(owner.userId().toString()).query().singleRow();

        jdbc.sql("UPDATE safety_plans SET sections = ?, key_id = ? WHERE user_id = ?")
                .params(ownerRow.get("sections"), ownerRow.get("key_id"), other.userId().toString()).update();

        assertThatThrownBy(() -> plans.load(other)).isInstanceOf(FieldCipher.DecryptionException.class)
                .hasMessageContaining("another column or row").hasMessageNotContaining("Fatima");
        assertThat(plans.load(owner).text(SafetyPlan.Section.OWN_COPING)).isEqualTo("Bellen met Fatima.");
    }

    @Test
    void aRowUnderAKeyThatIsNotConfiguredFailsLoudlyInsteadOfShowingGarbage() {
        Visitor visitor = visitors.resolve(VisitorToken.generate());
        SessionSnapshot session = dialogues.startNew(visitor, "kennismaking");
        FieldCipher stranger = new FieldCipher(KeyRing.parse("k9:" + randomKey(), null));
        jdbc.sql("UPDATE dialogue_messages SET body = ?, title = NULL, key_id = 'k9' WHERE session_id = ?")
                .params(stranger.encrypt("{\"nl\":\"hallo\",\"en\":\"hello\"}", "dialogue_messages.body"),
                        session.id().toString())
                .update();

        assertThatThrownBy(() -> dialogues.open(visitor, session.id()))
                .isInstanceOf(FieldCipher.DecryptionException.class).hasMessageContaining("no key 'k9'")
                .hasMessageNotContaining("hallo");
        assertThatThrownBy(() -> dialogues.startOrResume(visitor, "kennismaking"))
                .as("resuming shows the messages too").isInstanceOf(FieldCipher.DecryptionException.class);
    }

    @Test
    void aRowUnderAnotherKeyWithTheSameIdFailsLoudlyToo() {
        Visitor visitor = visitors.resolve(VisitorToken.generate());
        plans.save(visitor, SafetyPlan.empty().with(SafetyPlan.Section.OWN_COPING, "Wandelen."));
        FieldCipher impostor = new FieldCipher(KeyRing.parse(cipher.activeKeyId() + ":" + randomKey(), null));
        jdbc.sql("UPDATE safety_plans SET sections = ? WHERE user_id = ?")
                .params(impostor.encrypt("{\"" + SafetyPlan.Section.OWN_COPING.code() + "\":\"Zwemmen.\"}",
                        "safety_plans.sections"), visitor.userId().toString())
                .update();

        assertThatThrownBy(() -> plans.load(visitor)).isInstanceOf(FieldCipher.DecryptionException.class)
                .hasMessageContaining("wrong key").hasMessageNotContaining("Zwemmen");
    }

    private List<String> columnsContaining(String text) {
        return PlaintextScan.columnsContaining(jdbc, text);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
