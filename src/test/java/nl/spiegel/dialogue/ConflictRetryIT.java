package nl.spiegel.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.dialogue.engine.Prompt;
import nl.spiegel.dialogue.engine.Turn;
import nl.spiegel.dialogue.engine.UserInput;
import nl.spiegel.identity.Visitor;
import nl.spiegel.identity.VisitorService;
import nl.spiegel.identity.VisitorToken;
import nl.spiegel.shared.database.SharedRateLimits;

/**
 * A transaction that loses to another one is tried again: on a Galera cluster a write that loses certification against
 * a write committed first on another node comes back as error 1213 (the deadlock error), as a deadlock does on one
 * server. The database itself raises exactly that error here, once, for the first write of a marked session or budget:
 * a trigger that counts down in a MEMORY table, which a rollback does not undo.
 */
@SpiegelIntegrationTest
class ConflictRetryIT {

    @Autowired
    DialogueService dialogues;
    @Autowired
    VisitorService visitors;
    @Autowired
    SharedRateLimits rateLimits;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    Visitor visitor;

    @BeforeEach
    void conflictsOnDemand() {
        visitor = visitors.resolve(VisitorToken.generate());
        jdbc.sql("DROP TABLE IF EXISTS test_conflicts").update();
        jdbc.sql("""
                CREATE TABLE test_conflicts (ref VARCHAR(64) NOT NULL PRIMARY KEY, times INT NOT NULL)
                ENGINE=MEMORY""").update();
        for (String table : new String[] {"dialogue_messages", "rate_limit_uses"}) {
            String ref = table.equals("dialogue_messages") ? "NEW.session_id" : "NEW.scope";
            jdbc.sql("CREATE TRIGGER test_conflict_" + table + " BEFORE INSERT ON " + table + " FOR EACH ROW "
                    + "IF EXISTS (SELECT 1 FROM test_conflicts WHERE ref = " + ref + " AND times > 0) THEN "
                    + "UPDATE test_conflicts SET times = times - 1 WHERE ref = " + ref + "; "
                    + "SIGNAL SQLSTATE '40001' SET MYSQL_ERRNO = 1213, MESSAGE_TEXT = "
                    + "'Deadlock found when trying to get lock; try restarting transaction'; END IF").update();
        }
    }

    @AfterEach
    void noMoreConflicts() {
        jdbc.sql("DROP TRIGGER IF EXISTS test_conflict_dialogue_messages").update();
        jdbc.sql("DROP TRIGGER IF EXISTS test_conflict_rate_limit_uses").update();
        jdbc.sql("DROP TABLE IF EXISTS test_conflicts").update();
    }

    @Test
    void anAnswerWhoseTransactionLostIsStoredOnceWithoutThePersonNoticing() {
        SessionSnapshot session = atFreeText("kennismaking");
        conflicts(session.id().toString(), 2);

        SessionUpdate update = dialogues.advance(visitor, session.id(), session.revision(),
                new UserInput.Text("Na een conflict bewaard"), MessageKey.random());

        assertThat(conflictsLeft(session.id().toString())).as("both conflicts happened").isZero();
        assertThat(update.revision()).isEqualTo(session.revision() + 1);
        assertThat(dialogues.open(visitor, session.id()).messages())
                .filteredOn(message -> message.kind() == Turn.Kind.USER_TEXT)
                .filteredOn(message -> message.text().in("nl").equals("Na een conflict bewaard"))
                .hasSize(1);
        assertThat(dialogues.open(visitor, session.id()).messages()).isEqualTo(session.apply(update).messages());
    }

    @Test
    void anAnswerThatKeepsLosingReachesTheCallerAfterAFewTries() {
        SessionSnapshot session = atFreeText("zelfbeeld");
        conflicts(session.id().toString(), 10);

        assertThatThrownBy(() -> dialogues.advance(visitor, session.id(), session.revision(),
                new UserInput.Text("Nooit bewaard"), MessageKey.random()))
                .isInstanceOf(PessimisticLockingFailureException.class);
        // the first try and three more
        assertThat(conflictsLeft(session.id().toString())).isEqualTo(6);
        assertThat(dialogues.open(visitor, session.id()).revision()).isEqualTo(session.revision());
    }

    @Test
    void insideACallersTransactionTheCallerSeesTheConflict() {
        SessionSnapshot session = atFreeText("emoties");
        conflicts(session.id().toString(), 1);
        TransactionTemplate callers = new TransactionTemplate(transactionManager);

        // the database rolled back the caller's whole transaction: trying again inside it would lose its earlier work
        assertThatThrownBy(() -> callers.executeWithoutResult(status -> dialogues.advance(visitor, session.id(),
                session.revision(), new UserInput.Text("In een grotere transactie"), MessageKey.random())))
                .isInstanceOf(PessimisticLockingFailureException.class);
        assertThat(conflictsLeft(session.id().toString())).isZero();
        assertThat(dialogues.open(visitor, session.id()).revision()).isEqualTo(session.revision());
    }

    @Test
    void aRateLimitTakeThatLostIsCountedOnce() {
        String scope = "conflict-" + System.nanoTime() % 1_000_000;
        SharedRateLimits.Budget budget = rateLimits.budget(scope, 2, Duration.ofHours(1));
        conflicts(scope, 1);

        assertThat(budget.take("someone")).isTrue();
        assertThat(conflictsLeft(scope)).isZero();
        assertThat(budget.take("someone")).isTrue();
        assertThat(budget.take("someone")).as("two uses, not three: the lost try counted nothing").isFalse();
    }

    private void conflicts(String ref, int times) {
        jdbc.sql("INSERT INTO test_conflicts (ref, times) VALUES (?, ?)").params(ref, times).update();
    }

    private int conflictsLeft(String ref) {
        return jdbc.sql("SELECT times FROM test_conflicts WHERE ref = ?").param(ref).query(Integer.class).single();
    }

    private SessionSnapshot atFreeText(String scriptId) {
        return DialogueServiceIT.atFreeText(dialogues, visitor, scriptId);
    }
}
