package nl.spiegel.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.dialogue.engine.Prompt;
import nl.spiegel.dialogue.engine.UserInput;
import nl.spiegel.identity.Visitor;
import nl.spiegel.identity.VisitorService;
import nl.spiegel.identity.VisitorToken;

/**
 * How many SQL statements one answer costs, counted by the database server itself on the connection the answer runs
 * on (its session status counters), so the figure is exact and does not depend on timing or load.
 */
@SpiegelIntegrationTest
class AnswerStatementsIT {

    @Autowired
    DialogueService dialogues;
    @Autowired
    VisitorService visitors;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    Visitor visitor;

    @BeforeEach
    void newVisitor() {
        visitor = visitors.resolve(VisitorToken.generate());
    }

    /** Statements and server-side PREPAREs on this connection while the action ran. */
    record Cost(long statements, long prepares) {
    }

    @Test
    void aFreeTextAnswerCostsFourStatementsAndNoPrepare() {
        SessionSnapshot session = untilFreeText(dialogues.startOrResume(visitor, "kennismaking"));
        SessionSnapshot current = session;

        Cost cost = measure(() -> dialogues.advance(visitor, current.id(), current.revision(),
                new UserInput.Text("Ik wil graag wat meer rust in mijn hoofd.")));

        // the session with its last message number, the risk context, the session update, one insert of all messages
        assertThat(cost).isEqualTo(new Cost(4, 0));
    }

    @Test
    void aChoiceCostsThreeStatementsAndNoPrepare() {
        SessionSnapshot session = dialogues.startOrResume(visitor, "kennismaking");
        assertThat(session.prompt()).isInstanceOf(Prompt.Choices.class);

        Cost cost = measure(() -> dialogues.advance(visitor, session.id(), session.revision(),
                DialogueServiceIT.anyReply(session)));

        assertThat(cost).isEqualTo(new Cost(3, 0));
    }

    private SessionSnapshot untilFreeText(SessionSnapshot session) {
        while (!(session.prompt() instanceof Prompt.FreeText)) {
            session = dialogues.answer(visitor, session.id(), session.revision(), DialogueServiceIT.anyReply(session));
        }
        return session;
    }

    /** Runs the action inside a transaction, so it joins it and runs on the same connection as the counters. */
    private Cost measure(Supplier<?> action) {
        return transactions.execute(status -> {
            List<Long> before = counters();
            action.get();
            List<Long> after = counters();
            // the first counter read is itself one statement
            return new Cost(after.get(0) - before.get(0) - 1, after.get(1) - before.get(1));
        });
    }

    private List<Long> counters() {
        List<Long> values = jdbc.sql("SHOW SESSION STATUS WHERE Variable_name IN ('Questions', 'Com_stmt_prepare')")
                .query((rs, n) -> java.util.Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .sorted(java.util.Map.Entry.comparingByKey(java.util.Comparator.reverseOrder()))
                .map(java.util.Map.Entry::getValue).toList();
        return values;
    }
}
