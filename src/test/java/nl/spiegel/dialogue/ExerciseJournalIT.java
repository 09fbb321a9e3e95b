package nl.spiegel.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.spiegel.MovableClock;
import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.dialogue.content.ScriptCatalog;
import nl.spiegel.dialogue.engine.Prompt;
import nl.spiegel.dialogue.internal.JournalRepository;
import nl.spiegel.dialogue.internal.SessionRepository;
import nl.spiegel.identity.Visitor;
import nl.spiegel.identity.VisitorService;
import nl.spiegel.identity.VisitorToken;
import nl.spiegel.privacy.PersonalDataService;
import nl.spiegel.risk.RiskDetector;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;

/** The journal of an exercise on the real database: notes, "how did it go?" and what a later dialogue makes of it. */
@SpiegelIntegrationTest
class ExerciseJournalIT {

    @Autowired
    DialogueService dialogues;
    @Autowired
    ExerciseJournal journal;
    @Autowired
    VisitorService visitors;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalDataService personalData;
    @Autowired
    ScriptCatalog catalog;
    @Autowired
    SessionRepository sessions;
    @Autowired
    JournalRepository journalRepository;
    @Autowired
    RiskDetector riskDetector;
    @Autowired
    ApplicationEventPublisher events;

    Visitor visitor;
    ExerciseId exercise;

    @BeforeEach
    void aVisitorWithAnExercise() {
        visitor = visitors.resolve(VisitorToken.generate());
        exercise = finishDialogue(dialogues, visitor, "wensen");
    }

    @Test
    void aNoteIsStoredEncryptedWithItsDateAndReadBackByItsOwnerOnly() {
        String words = "Vandaag lukte het om nee te zeggen " + UUID.randomUUID();

        ExerciseNote note = journal.addNote(visitor, exercise, "  " + words + "\n");

        assertThat(note.text()).isEqualTo(words);
        assertThat(journal.notes(visitor, exercise)).extracting(ExerciseNote::text).containsExactly(words);
        assertThat(journal.notes(visitor, exercise).getFirst().writtenAt())
                .isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));
        byte[] stored = jdbc.sql("SELECT body FROM exercise_notes WHERE exercise_id = ?")
                .param(exercise.toString()).query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain("nee te zeggen");
        assertThat(jdbc.sql("SELECT key_id FROM exercise_notes WHERE exercise_id = ?").param(exercise.toString())
                .query(String.class).single()).isNotBlank();

        Visitor stranger = visitors.resolve(VisitorToken.generate());
        assertThatThrownBy(() -> journal.notes(stranger, exercise)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> journal.addNote(stranger, exercise, "van iemand anders"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(journal.notes(visitor, exercise)).hasSize(1);
    }

    @Test
    void anEmptyOrTooLongNoteIsRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> journal.addNote(visitor, exercise, "   \n "))
                .isInstanceOfSatisfying(JournalEntryException.class,
                        e -> assertThat(e.reason()).isEqualTo(JournalEntryException.Reason.EMPTY));
        int max = journal.properties().maxNoteLength();
        assertThatThrownBy(() -> journal.addNote(visitor, exercise, "a".repeat(max + 1)))
                .isInstanceOfSatisfying(JournalEntryException.class, e -> {
                    assertThat(e.reason()).isEqualTo(JournalEntryException.Reason.TOO_LONG);
                    assertThat(e.limit()).isEqualTo(max);
                });
        assertThat(journal.notes(visitor, exercise)).isEmpty();

        journal.addNote(visitor, exercise, "a".repeat(max));
        assertThat(journal.notes(visitor, exercise)).hasSize(1);
    }

    @Test
    void theNewestFollowUpOpensTheNextDialogueAboutOthersInTheLanguageShown() {
        journal.followUp(visitor, exercise, ExerciseFollowUp.Outcome.NOT, "");
        journal.followUp(visitor, exercise, ExerciseFollowUp.Outcome.PARTLY, "Het was spannend " + UUID.randomUUID());

        assertThat(journal.followUps(visitor, exercise)).extracting(ExerciseFollowUp::outcome)
                .containsExactly(ExerciseFollowUp.Outcome.PARTLY, ExerciseFollowUp.Outcome.NOT);
        assertThat(jdbc.sql("SELECT note FROM exercise_followups WHERE exercise_id = ? AND outcome = 'partly'")
                .param(exercise.toString()).query(byte[].class).single())
                .asString(StandardCharsets.UTF_8).doesNotContain("spannend");

        SessionSnapshot anderen = dialogues.startNew(visitor, "anderen");
        assertThat(anderen.messages().getFirst().text().in("nl"))
                .startsWith("Fijn dat je er weer bent. Bij je vorige oefening schreef je dat het een beetje lukte.");
        assertThat(anderen.messages().getFirst().text().in("en"))
                .startsWith("Good to see you again. At your last exercise you wrote that it went partly.");

        Visitor newcomer = visitors.resolve(VisitorToken.generate());
        assertThat(dialogues.startNew(newcomer, "anderen").messages().getFirst().text().in("nl"))
                .startsWith("In dit gesprek kijken we");
    }

    @Test
    void aFollowUpOlderThanTheMemoryIsNoLongerReferredTo() {
        journal.followUp(visitor, exercise, ExerciseFollowUp.Outcome.WELL, "");
        MovableClock later = new MovableClock(Instant.now().truncatedTo(ChronoUnit.MICROS));
        DialogueService inAMonth = new DialogueService(catalog, sessions, riskDetector, events, later,
                journalRepository, journal.properties());

        assertThat(inAMonth.startNew(visitor, "anderen").messages().getFirst().text().in("nl"))
                .contains("schreef je dat het goed ging");
        later.advance(journal.properties().followUpMemory().plus(Duration.ofMinutes(1)));
        assertThat(inAMonth.startNew(visitor, "anderen").messages().getFirst().text().in("nl"))
                .startsWith("In dit gesprek kijken we");
    }

    @Test
    void aFollowUpNoteThatIsTooLongIsRefused() {
        int max = journal.properties().maxFollowUpLength();
        assertThatThrownBy(() -> journal.followUp(visitor, exercise, ExerciseFollowUp.Outcome.WELL,
                "b".repeat(max + 1))).isInstanceOf(JournalEntryException.class);
        assertThat(journal.followUps(visitor, exercise)).isEmpty();
    }

    @Test
    void aVisitorWithoutAnAddressCannotPlanAReminder() {
        assertThat(journal.remindersAvailable(visitor)).isFalse();
        assertThatThrownBy(() -> journal.planReminder(visitor, exercise, Instant.now().plus(Duration.ofDays(1)), 0,
                SpiegelI18NProvider.DUTCH)).isInstanceOfSatisfying(JournalEntryException.class,
                e -> assertThat(e.reason()).isEqualTo(JournalEntryException.Reason.NO_ADDRESS));
        assertThat(journal.reminder(visitor, exercise)).isEmpty();
    }

    @Test
    void theExportShowsNotesAndHowItWentInWordsAndDeletionRemovesTheJournal() throws Exception {
        String words = "Mijn aantekening " + UUID.randomUUID();
        journal.addNote(visitor, exercise, words);
        journal.followUp(visitor, exercise, ExerciseFollowUp.Outcome.WELL, "Trots " + UUID.randomUUID());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        personalData.exportJson(visitor, SpiegelI18NProvider.DUTCH, out);
        String export = out.toString(StandardCharsets.UTF_8);
        assertThat(export).contains(words, "Het ging goed", "Trots ").doesNotContain("\"WELL\"", "\"well\"");

        personalData.deleteEverything(visitor);
        for (String table : new String[] {"exercise_notes", "exercise_followups", "exercise_reminders"}) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE user_id = ?")
                    .param(visitor.userId().toString()).query(Integer.class).single()).as(table).isZero();
        }
    }

    /** Answers a dialogue to its end and returns the exercise it gave. */
    static ExerciseId finishDialogue(DialogueService dialogues, Visitor visitor, String scriptId) {
        SessionSnapshot session = dialogues.startNew(visitor, scriptId);
        for (int guard = 0; !session.finished(); guard++) {
            assertThat(guard).isLessThan(60);
            assertThat(session.prompt()).isNotInstanceOf(Prompt.None.class);
            session = dialogues.answer(visitor, session.id(), session.revision(), DialogueServiceIT.anyReply(session));
        }
        return dialogues.exercises(visitor).getFirst().id();
    }
}
