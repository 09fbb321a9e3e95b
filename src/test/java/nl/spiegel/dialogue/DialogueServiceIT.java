package nl.spiegel.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.risk.RiskLevel;
import nl.spiegel.dialogue.engine.InvalidInputException;
import nl.spiegel.dialogue.engine.Prompt;
import nl.spiegel.dialogue.engine.Turn;
import nl.spiegel.dialogue.engine.UserInput;
import nl.spiegel.identity.Visitor;
import nl.spiegel.identity.VisitorService;
import nl.spiegel.identity.VisitorToken;

@SpiegelIntegrationTest
@RecordApplicationEvents
class DialogueServiceIT {

    @Autowired
    ApplicationEvents events;

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

    @Test
    void aCrisisMessagePausesTheScriptStoresTheRiskAndPublishesAnEvent() {
        SessionSnapshot session = atFreeTextQuestion("kennismaking");
        int messagesBefore = session.messages().size();
        String crisis = "Eerlijk gezegd wil ik niet meer leven, ik heb de pillen al klaarliggen voor vanavond.";

        SessionSnapshot paused = dialogues.answer(visitor, session.id(), session.revision(), new UserInput.Text(crisis));

        assertThat(paused.safetyPause()).hasValueSatisfying(pause -> {
            assertThat(pause.level()).isEqualTo(RiskLevel.CRISIS);
            assertThat(pause.ruleIds()).isNotEmpty();
        });
        assertThat(paused.prompt()).as("the script waits").isInstanceOf(Prompt.None.class);
        assertThat(paused.messages()).hasSize(messagesBefore + 1);
        assertThat(paused.messages().getLast().text().in("nl")).isEqualTo(crisis);
        String storedLevel = jdbc.sql("SELECT risk_level FROM dialogue_messages WHERE session_id = ? AND seq = ?")
                .params(session.id().toString(), paused.messages().getLast().seq()).query(String.class).single();
        assertThat(storedLevel).isEqualTo("CRISIS");
        assertThat(events.stream(RiskDetected.class)).singleElement().satisfies(event -> {
            assertThat(event.session()).isEqualTo(session.id());
            assertThat(event.level()).isEqualTo(RiskLevel.CRISIS);
        });
        assertThatThrownBy(() -> dialogues.answer(visitor, session.id(), paused.revision(), anyReply(session)))
                .as("no answers while the safety panel is open").isInstanceOf(StaleSessionException.class);

        SessionSnapshot resumed = dialogues.continueAfterSafetyPause(visitor, session.id(), paused.revision());

        assertThat(resumed.safetyPause()).isEmpty();
        assertThat(resumed.prompt()).isNotInstanceOf(Prompt.None.class);
        assertThat(resumed.messages()).hasSizeGreaterThan(paused.messages().size());
        assertThat(resumed.messages()).filteredOn(message -> message.text().in("nl").equals(crisis))
                .as("the person's message is stored once").hasSize(1);
        assertThat(resumed.messages().subList(paused.messages().size(), resumed.messages().size()))
                .allMatch(message -> !message.kind().fromUser());
    }

    @Test
    void aSecondWorryInTheSameConversationIsReadWithTheFirst() {
        SessionSnapshot session = atFreeTextQuestion("zelfbeeld");
        SessionSnapshot first = dialogues.answer(visitor, session.id(), session.revision(),
                new UserInput.Text("Ik ben voor iedereen alleen maar tot last."));
        assertThat(first.safetyPause()).hasValueSatisfying(p -> assertThat(p.level()).isEqualTo(RiskLevel.CONCERN));
        SessionSnapshot next = dialogues.continueAfterSafetyPause(visitor, session.id(), first.revision());
        while (!(next.prompt() instanceof Prompt.FreeText)) {
            next = reply(next);
        }

        SessionSnapshot second = dialogues.answer(visitor, session.id(), next.revision(),
                new UserInput.Text("Ik zie nergens meer het nut van in."));

        assertThat(second.safetyPause()).as("alone this would be a concern").hasValueSatisfying(p -> {
            assertThat(p.level()).isEqualTo(RiskLevel.CRISIS);
            assertThat(p.ruleIds()).contains(nl.spiegel.risk.RiskDetector.CONTEXT_RISE);
        });
    }

    @Test
    void anOrdinaryAnswerIsStoredWithRiskNoneAndTheScriptGoesOn() {
        SessionSnapshot session = atFreeTextQuestion("zelfbeeld");
        SessionSnapshot next = dialogues.answer(visitor, session.id(), session.revision(),
                new UserInput.Text("Ik ben vaak streng voor mezelf, vooral op mijn werk."));

        assertThat(next.safetyPause()).isEmpty();
        assertThat(events.stream(RiskDetected.class)).isEmpty();
        String storedLevel = jdbc.sql("SELECT risk_level FROM dialogue_messages WHERE session_id = ? AND kind = 'USER_TEXT'")
                .param(session.id().toString()).query(String.class).single();
        assertThat(storedLevel).isEqualTo("NONE");
    }

    @Test
    void aRiskyMessageThatIsTooLongStillGetsHelpAndTheQuestionWaitsAgain() {
        SessionSnapshot session = atFreeTextQuestion("emoties");
        String tooLong = "ik wil dood. ".repeat(400);

        SessionSnapshot paused = dialogues.answer(visitor, session.id(), session.revision(), new UserInput.Text(tooLong));
        assertThat(paused.safetyPause()).isPresent();

        SessionSnapshot resumed = dialogues.continueAfterSafetyPause(visitor, session.id(), paused.revision());
        assertThat(resumed.prompt()).isEqualTo(session.prompt());
    }

    @Test
    void anAnswerTheScriptGoesOnWithAfterASafetyPauseIsAcknowledgedGently() {
        SessionSnapshot session = atFreeTextQuestion("anderen");
        SessionSnapshot paused = dialogues.answer(visitor, session.id(), session.revision(),
                new UserInput.Text("Ik ben voor iedereen alleen maar tot last."));
        assertThat(paused.safetyPause()).hasValueSatisfying(p -> assertThat(p.level()).isEqualTo(RiskLevel.CONCERN));

        SessionSnapshot resumed = dialogues.continueAfterSafetyPause(visitor, session.id(), paused.revision());

        assertThat(resumed.messages().subList(paused.messages().size(), resumed.messages().size()))
                .filteredOn(message -> message.kind() == Turn.Kind.REFLECTION).singleElement()
                .satisfies(message -> assertThat(message.text().in("nl")).isEqualTo("Je schreef: \"Ik ben voor "
                        + "iedereen alleen maar tot last\". Dat klinkt zwaar. We gaan rustig verder; je mag altijd "
                        + "stoppen of \"Hulp nodig?\" gebruiken. Heb ik het zo goed begrepen?"));

        SessionSnapshot ordinary = atFreeTextQuestion("emoties");
        SessionSnapshot next = dialogues.answer(visitor, ordinary.id(), ordinary.revision(),
                new UserInput.Text("Gespannen schouders."));
        assertThat(next.messages().subList(ordinary.messages().size(), next.messages().size()))
                .filteredOn(message -> message.kind() == Turn.Kind.REFLECTION).singleElement()
                .satisfies(message -> assertThat(message.text().in("nl"))
                        .isEqualTo("Je merkt nu: \"Gespannen schouders\". Dank je dat je daar even bij stilstond."));
    }

    private SessionSnapshot atFreeTextQuestion(String scriptId) {
        SessionSnapshot session = dialogues.startOrResume(visitor, scriptId);
        while (!(session.prompt() instanceof Prompt.FreeText)) {
            session = reply(session);
        }
        return session;
    }

    private SessionSnapshot reply(SessionSnapshot session) {
        return dialogues.answer(visitor, session.id(), session.revision(), anyReply(session));
    }

    /** The person's session of this dialogue, answered with {@link #anyReply} until it asks for free text. */
    static SessionSnapshot atFreeText(DialogueService dialogues, Visitor visitor, String scriptId) {
        SessionSnapshot session = dialogues.startOrResume(visitor, scriptId);
        int steps = 0;
        while (!(session.prompt() instanceof Prompt.FreeText)) {
            session = dialogues.answer(visitor, session.id(), session.revision(), anyReply(session));
            assertThat(++steps).isLessThan(40);
        }
        return session;
    }

    static UserInput anyReply(SessionSnapshot session) {
        return switch (session.prompt()) {
            case Prompt.FreeText text -> new UserInput.Text("Mijn eigen woorden " + session.revision());
            case Prompt.Choices choices -> new UserInput.Choice(choices.options().getFirst().value());
            case Prompt.Form form -> new UserInput.Answers(
                    java.util.Map.of(form.questionnaire().items().getFirst().id(), 0));
            case Prompt.None none -> throw new IllegalStateException("finished");
        };
    }

}
