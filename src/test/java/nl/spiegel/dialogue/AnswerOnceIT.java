package nl.spiegel.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.dialogue.engine.Prompt;
import nl.spiegel.dialogue.engine.Turn;
import nl.spiegel.dialogue.engine.UserInput;
import nl.spiegel.identity.Visitor;
import nl.spiegel.identity.VisitorService;
import nl.spiegel.identity.VisitorToken;

/**
 * An answer sent again with the same key (its first response was lost, or the chat retried while the database was
 * away) is stored exactly once, on the real database with its unique index.
 */
@SpiegelIntegrationTest
class AnswerOnceIT {

    @Autowired
    DialogueService dialogues;
    @Autowired
    VisitorService visitors;
    @Autowired
    JdbcClient jdbc;

    Visitor visitor;

    @BeforeEach
    void newVisitor() {
        visitor = visitors.resolve(VisitorToken.generate());
    }

    @Test
    void theSameAnswerSentTwiceIsStoredOnceAndTheRepeatGetsTheStoredResult() {
        SessionSnapshot session = atFreeText("kennismaking");
        MessageKey key = MessageKey.random();
        UserInput text = new UserInput.Text("Ik schrijf dit één keer");

        SessionUpdate first = dialogues.advance(visitor, session.id(), session.revision(), text, key);
        // the response was lost: the chat still holds the old revision and sends the same answer with the same key
        SessionUpdate repeat = dialogues.advance(visitor, session.id(), session.revision(), text, key);

        assertThat(repeat.added()).isEqualTo(first.added());
        assertThat(repeat.revision()).isEqualTo(first.revision());
        assertThat(repeat.prompt()).isEqualTo(first.prompt());
        assertThat(storedCopies(session.id(), "Ik schrijf dit één keer")).isEqualTo(1);
        assertThat(dialogues.open(visitor, session.id()).messages())
                .isEqualTo(session.apply(first).messages());
    }

    @Test
    void aStoredKeyIsToldOnlyToTheOwnerOfTheSession() {
        SessionSnapshot session = atFreeText("kennismaking");
        MessageKey key = MessageKey.random();
        assertThat(dialogues.answerStored(visitor, session.id(), key)).as("before sending").isFalse();

        dialogues.advance(visitor, session.id(), session.revision(), new UserInput.Text("Bewaard met een sleutel"),
                key);

        assertThat(dialogues.answerStored(visitor, session.id(), key)).isTrue();
        assertThat(dialogues.answerStored(visitor, session.id(), MessageKey.random())).isFalse();
        Visitor someoneElse = visitors.resolve(VisitorToken.generate());
        assertThat(dialogues.answerStored(someoneElse, session.id(), key)).as("not their session").isFalse();
    }

    @Test
    void aRepeatAfterTheSessionMovedOnStoresNothingAndShowsWhereItStands() {
        SessionSnapshot session = atFreeText("zelfbeeld");
        MessageKey key = MessageKey.random();
        SessionSnapshot answered = dialogues.answer(visitor, session.id(), session.revision(),
                new UserInput.Text("Het eerste antwoord"), key);
        SessionSnapshot further = dialogues.answer(visitor, answered.id(), answered.revision(),
                DialogueServiceIT.anyReply(answered), MessageKey.random());

        SessionSnapshot repeat = dialogues.answer(visitor, session.id(), session.revision(),
                new UserInput.Text("Het eerste antwoord"), key);

        assertThat(repeat.messages()).isEqualTo(further.messages());
        assertThat(repeat.revision()).isEqualTo(further.revision());
        assertThat(storedCopies(session.id(), "Het eerste antwoord")).isEqualTo(1);
    }

    @Test
    void aRiskyAnswerSentTwiceIsStoredOnceAndTheRepeatShowsTheSafetyPause() {
        SessionSnapshot session = atFreeText("kennismaking");
        MessageKey key = MessageKey.random();
        UserInput crisis = new UserInput.Text("ik wil niet meer leven");

        SessionUpdate first = dialogues.advance(visitor, session.id(), session.revision(), crisis, key);
        SessionUpdate repeat = dialogues.advance(visitor, session.id(), session.revision(), crisis, key);

        assertThat(first.safetyPause()).isPresent();
        assertThat(repeat.safetyPause()).isEqualTo(first.safetyPause());
        assertThat(repeat.prompt()).isInstanceOf(Prompt.None.class);
        assertThat(repeat.added()).isEqualTo(first.added());
        assertThat(storedCopies(session.id(), "ik wil niet meer leven")).isEqualTo(1);
    }

    @Test
    void manyAttemptsWithTheSameKeyAtOnceStoreTheAnswerExactlyOnce() throws Exception {
        SessionSnapshot session = atFreeText("emoties");
        MessageKey key = MessageKey.random();
        UserInput text = new UserInput.Text("Tegelijk verstuurd");
        int attempts = 8;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Object>> results = new ArrayList<>();
        try {
            for (int i = 0; i < attempts; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    try {
                        return dialogues.advance(visitor, session.id(), session.revision(), text, key);
                    } catch (StaleSessionException stale) {
                        return stale;
                    }
                }));
            }
            go.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> result : results) {
                outcomes.add(result.get(2, TimeUnit.MINUTES));
            }
            // each attempt either got the stored answer or was told the screen is outdated; none stored it again
            assertThat(outcomes).allMatch(o -> o instanceof SessionUpdate || o instanceof StaleSessionException);
            assertThat(outcomes).filteredOn(SessionUpdate.class::isInstance).isNotEmpty();
        } finally {
            pool.shutdownNow();
        }
        assertThat(storedCopies(session.id(), "Tegelijk verstuurd")).isEqualTo(1);
        Integer keyed = jdbc.sql("SELECT COUNT(*) FROM dialogue_messages WHERE session_id = ? AND client_key = ?")
                .params(session.id().toString(), key.toString()).query(Integer.class).single();
        assertThat(keyed).isEqualTo(1);
    }

    @Test
    void anotherKeyIsAnotherAnswerAndAnOldScreenIsStillRefused() {
        SessionSnapshot session = atFreeText("wensen");
        dialogues.advance(visitor, session.id(), session.revision(), new UserInput.Text("Eerste"), MessageKey.random());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> dialogues.advance(visitor, session.id(),
                        session.revision(), new UserInput.Text("Tweede"), MessageKey.random()))
                .isInstanceOf(StaleSessionException.class);
        assertThat(storedCopies(session.id(), "Tweede")).isZero();
    }

    private SessionSnapshot atFreeText(String scriptId) {
        return DialogueServiceIT.atFreeText(dialogues, visitor, scriptId);
    }

    /** How many of the person's messages in the session hold exactly this text, as the person reads them. */
    private long storedCopies(SessionId id, String text) {
        return dialogues.open(visitor, id).messages().stream()
                .filter(message -> message.kind() == Turn.Kind.USER_TEXT)
                .filter(message -> message.text().in("nl").equals(text)).count();
    }
}
