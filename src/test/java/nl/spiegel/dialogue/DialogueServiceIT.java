package nl.spiegel.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.dialogue.engine.InvalidInputException;
import nl.spiegel.dialogue.engine.Prompt;
import nl.spiegel.dialogue.engine.Turn;
import nl.spiegel.dialogue.engine.UserInput;
import nl.spiegel.identity.Visitor;
import nl.spiegel.identity.VisitorService;
import nl.spiegel.identity.VisitorToken;

@SpiegelIntegrationTest
class DialogueServiceIT {

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
    void sameCookieTokenAlwaysMeansTheSameUser() {
        VisitorToken token = VisitorToken.generate();
        assertThat(visitors.resolve(token)).isEqualTo(visitors.resolve(token));
        assertThat(visitors.resolve(VisitorToken.generate())).isNotEqualTo(visitors.resolve(token));
        Integer stored = jdbc.sql("SELECT COUNT(*) FROM users WHERE visitor_token_hash = ?").param(token.hash())
                .query(Integer.class).single();
        assertThat(stored).isEqualTo(1);
        Integer plain = jdbc.sql("SELECT COUNT(*) FROM users WHERE visitor_token_hash = ?").param(token.value())
                .query(Integer.class).single();
        assertThat(plain).as("the cookie value itself is never stored").isZero();
    }

    @Test
    void startingStoresTheOpeningMessagesAndWaitsForTheFirstReply() {
        SessionSnapshot session = dialogues.startOrResume(visitor, "kennismaking");

        assertThat(session.messages()).isNotEmpty();
        assertThat(session.messages()).allMatch(message -> !message.kind().fromUser());
        assertThat(session.prompt()).isNotInstanceOf(Prompt.None.class);
        assertThat(session.finished()).isFalse();
        assertThat(dialogues.catalogue(visitor)).filteredOn(card -> card.scriptId().equals("kennismaking"))
                .extracting(DialogueCard::status).containsExactly(DialogueCard.Status.IN_PROGRESS);
        assertThat(dialogues.catalogue(visitor)).filteredOn(card -> card.scriptId().equals("zelfbeeld"))
                .extracting(DialogueCard::status).containsExactly(DialogueCard.Status.NEW);
    }

    @Test
    void startOrResumeReturnsTheSessionInProgressWithItsHistory() {
        SessionSnapshot first = dialogues.startOrResume(visitor, "zelfbeeld");
        SessionSnapshot afterAnswer = reply(first);

        SessionSnapshot resumed = dialogues.startOrResume(visitor, "zelfbeeld");

        assertThat(resumed.id()).isEqualTo(first.id());
        assertThat(resumed.messages()).isEqualTo(afterAnswer.messages());
        assertThat(resumed.prompt()).isEqualTo(afterAnswer.prompt());
        assertThat(resumed.revision()).isEqualTo(afterAnswer.revision());
    }

    @Test
    void completingADialogueStoresSummaryExerciseAndHistory() {
        SessionSnapshot session = dialogues.startOrResume(visitor, "emoties");
        int answers = 0;
        while (!session.finished()) {
            session = reply(session);
            assertThat(++answers).isLessThan(40);
        }

        assertThat(session.prompt()).isInstanceOf(Prompt.None.class);
        assertThat(session.progress().percent()).isEqualTo(100);
        assertThat(session.messages()).extracting(ChatMessage::kind).contains(Turn.Kind.SUMMARY, Turn.Kind.EXERCISE);
        assertThat(session.messages()).extracting(ChatMessage::seq)
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, session.messages().size()).boxed().toList());

        List<ExerciseItem> exercises = dialogues.exercises(visitor);
        assertThat(exercises).hasSize(1);
        assertThat(exercises.getFirst().done()).isFalse();
        dialogues.markExercise(visitor, exercises.getFirst().id(), true);
        assertThat(dialogues.exercises(visitor).getFirst().done()).isTrue();

        List<PastDialogue> history = dialogues.history(visitor);
        assertThat(history).hasSize(1);
        assertThat(history.getFirst().finished()).isTrue();
        assertThat(history.getFirst().summary()).isNotEmpty()
                .allMatch(message -> message.kind() == Turn.Kind.SUMMARY);
        assertThat(dialogues.catalogue(visitor)).filteredOn(card -> card.scriptId().equals("emoties"))
                .extracting(DialogueCard::status).containsExactly(DialogueCard.Status.DONE);
    }

    @Test
    void anAnswerFromAnOutdatedScreenIsRefusedAndNothingIsStored() {
        SessionSnapshot session = dialogues.startOrResume(visitor, "wensen");
        SessionSnapshot moved = reply(session);

        assertThatThrownBy(() -> dialogues.answer(visitor, session.id(), session.revision(), anyReply(session)))
                .isInstanceOf(StaleSessionException.class);
        assertThat(dialogues.open(visitor, session.id()).messages()).isEqualTo(moved.messages());
    }

    @Test
    void anInvalidAnswerStoresNothing() {
        SessionSnapshot session = dialogues.startOrResume(visitor, "kennismaking");
        while (!(session.prompt() instanceof Prompt.FreeText)) {
            session = reply(session);
        }
        SessionSnapshot before = session;

        assertThatThrownBy(() -> dialogues.answer(visitor, before.id(), before.revision(), new UserInput.Text("   ")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidInputException.Reason.EMPTY));
        SessionSnapshot after = dialogues.open(visitor, before.id());
        assertThat(after.messages()).isEqualTo(before.messages());
        assertThat(after.revision()).isEqualTo(before.revision());
    }

    @Test
    void nobodyCanOpenOrAnswerSomeoneElsesSession() {
        SessionSnapshot mine = dialogues.startOrResume(visitor, "kennismaking");
        Visitor stranger = visitors.resolve(VisitorToken.generate());

        assertThatThrownBy(() -> dialogues.open(stranger, mine.id())).isInstanceOf(SessionNotFoundException.class);
        assertThatThrownBy(() -> dialogues.answer(stranger, mine.id(), mine.revision(), anyReply(mine)))
                .isInstanceOf(SessionNotFoundException.class);
        assertThat(dialogues.history(stranger)).isEmpty();
    }

    @Test
    void freeTextIsStoredExactlyAsWrittenIncludingEmojiAndAccents() {
        SessionSnapshot session = dialogues.startOrResume(visitor, "kennismaking");
        while (!(session.prompt() instanceof Prompt.FreeText)) {
            session = reply(session);
        }
        String text = "Ik voel me één beetje 😔 moe,\nmaar ook \"hoopvol\" — écht.";
        session = dialogues.answer(visitor, session.id(), session.revision(), new UserInput.Text(text));

        assertThat(session.messages()).filteredOn(message -> message.kind() == Turn.Kind.USER_TEXT)
                .extracting(message -> message.text().in("nl")).contains(text);
    }

    @Test
    void everyStoredRowCarriesTheOrganisation() {
        SessionSnapshot session = dialogues.startOrResume(visitor, "kennismaking");
        reply(session);
        for (String table : List.of("users", "dialogue_sessions", "dialogue_messages")) {
            Integer missing = jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE organisation_id IS NULL")
                    .query(Integer.class).single();
            assertThat(missing).as(table).isZero();
        }
    }

    private SessionSnapshot reply(SessionSnapshot session) {
        return dialogues.answer(visitor, session.id(), session.revision(), anyReply(session));
    }

    static UserInput anyReply(SessionSnapshot session) {
        return switch (session.prompt()) {
            case Prompt.FreeText text -> new UserInput.Text("Mijn eigen woorden " + session.revision());
            case Prompt.Choices choices -> new UserInput.Choice(choices.options().getFirst().value());
            case Prompt.None none -> throw new IllegalStateException("finished");
        };
    }

}
