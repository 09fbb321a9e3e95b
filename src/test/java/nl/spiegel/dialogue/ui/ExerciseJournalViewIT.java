package nl.spiegel.dialogue.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.server.VaadinSession;

import nl.spiegel.shared.i18n.Moments;
import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.identity.AnonymousBrowserlessVisitor;
import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.dialogue.ExerciseFollowUp;
import nl.spiegel.dialogue.ExerciseId;
import nl.spiegel.dialogue.ExerciseJournal;
import nl.spiegel.dialogue.SessionSnapshot;
import nl.spiegel.dialogue.engine.Prompt;
import nl.spiegel.dialogue.engine.UserInput;
import nl.spiegel.identity.CurrentVisitor;
import nl.spiegel.identity.Visitor;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;

/** My exercises as a journal, through the real view, services and database, without a browser. */
@SpiegelIntegrationTest
class ExerciseJournalViewIT extends SpringBrowserlessTest {

    @Autowired
    CurrentVisitor currentVisitor;
    @Autowired
    DialogueService dialogues;
    @Autowired
    ExerciseJournal journal;
    @Autowired
    JdbcClient jdbc;

    private Visitor visitor;
    private ExerciseId exercise;

    @BeforeEach
    void anExerciseInDutch() {
        VaadinSession.getCurrent().setLocale(SpiegelI18NProvider.DUTCH);
        UI.getCurrent().setLocale(SpiegelI18NProvider.DUTCH);
        // a new anonymous visitor for every test: the mocked HTTP session outlives a test (and a test class)
        AnonymousBrowserlessVisitor.start();
        visitor = currentVisitor.get();
        SessionSnapshot session = dialogues.startNew(visitor, "wensen");
        for (int guard = 0; !session.finished(); guard++) {
            assertThat(guard).isLessThan(60);
            UserInput reply = switch (session.prompt()) {
                case Prompt.FreeText text -> new UserInput.Text("Mijn antwoord " + guard);
                case Prompt.Choices choices -> new UserInput.Choice(choices.options().getFirst().value());
                default -> throw new IllegalStateException("unexpected prompt");
            };
            session = dialogues.answer(visitor, session.id(), session.revision(), reply);
        }
        exercise = dialogues.exercises(visitor).getFirst().id();
        navigate(MyExercisesView.class);
    }

    @Test
    void aDatedNoteIsAddedBelowTheExerciseAndStaysAfterAReload() {
        String words = "Ik merkte dat ik weer ja zei " + UUID.randomUUID();
        TextArea text = field();

        text.setValue(words);
        click("note-add-");

        assertThat(text.getValue()).as("the field is empty for the next note").isEmpty();
        assertThat(text.isInvalid()).isFalse();
        assertThat(noteTexts()).singleElement().asString().contains(words, Moments.date(java.time.Instant.now(),
                SpiegelI18NProvider.DUTCH));

        navigate(MyDialoguesView.class);
        navigate(MyExercisesView.class);
        assertThat(noteTexts()).singleElement().asString().contains(words);
        assertThat(journal.notes(visitor, exercise)).extracting(note -> note.text()).containsExactly(words);
    }

    @Test
    void anEmptyNoteIsRefusedWithAMessage() {
        TextArea text = field();

        text.setValue("   ");
        click("note-add-");

        assertThat(text.isInvalid()).isTrue();
        assertThat(text.getErrorMessage()).isEqualTo(
                "Er staat nog niets. Schrijf eerst iets op, een paar woorden is genoeg.");
        assertThat(noteTexts()).isEmpty();
        assertThat(journal.notes(visitor, exercise)).isEmpty();
    }

    @Test
    void aTooLongNoteIsRefusedAndEveryCharacterStaysInTheField() {
        int max = journal.properties().maxNoteLength();
        String tooLong = "Zoveel te vertellen. ".repeat(max / 20 + 2);
        TextArea text = field();

        text.setValue(tooLong);
        click("note-add-");

        assertThat(text.isInvalid()).isTrue();
        // numbers as Dutch readers write them: 2.000
        assertThat(text.getErrorMessage()).isEqualTo("Dit is langer dan "
                + java.text.NumberFormat.getIntegerInstance(SpiegelI18NProvider.DUTCH).format(max)
                + " tekens. Maak het wat korter; je tekst staat er nog.");
        assertThat(text.getValue()).as("nothing typed is lost").isEqualTo(tooLong);
        assertThat(journal.notes(visitor, exercise)).isEmpty();

        text.setValue(tooLong.substring(0, max));
        click("note-add-");
        assertThat(text.isInvalid()).isFalse();
        assertThat(journal.notes(visitor, exercise)).hasSize(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void howItWentIsSavedAndShownAsTheLastAnswer() {
        RadioButtonGroup<ExerciseFollowUp.Outcome> outcome = find(RadioButtonGroup.class)
                .withId("followup-outcome-" + exercise).single();

        click("followup-save-");
        assertThat(outcome.isInvalid()).as("choose first").isTrue();
        assertThat(journal.followUps(visitor, exercise)).isEmpty();

        outcome.setValue(ExerciseFollowUp.Outcome.PARTLY);
        click("followup-save-");

        Paragraph last = find(Paragraph.class).withId("followup-last-" + exercise).single();
        assertThat(last.isVisible()).isTrue();
        assertThat(last.getText()).contains("Het ging een beetje");
        assertThat(journal.followUps(visitor, exercise)).extracting(ExerciseFollowUp::outcome)
                .containsExactly(ExerciseFollowUp.Outcome.PARTLY);
    }

    @Test
    void withoutAnAccountTheReminderExplainsThatItNeedsAnAddress() {
        assertThat(find(Paragraph.class).withId("reminder-needs-account-" + exercise).single().getElement()
                .getTextRecursively()).contains("Een herinnering gaat per e-mail");
        assertThat(find(Button.class).withId("reminder-save-" + exercise).exists()).isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPersonWithAnAccountPlansAWeeklyReminderForAChosenDayAndTimeAndStopsIt() {
        // an account with an address; how registering works is tested in AccountFlowsIT
        jdbc.sql("UPDATE users SET email = ?, email_verified_at = created_at WHERE id = ?")
                .params("oefenaar-" + UUID.randomUUID() + "@example.org", visitor.userId().toString()).update();
        // away and back, so the page is built again
        navigate(MyDialoguesView.class);
        navigate(MyExercisesView.class);
        assertThat(find(Paragraph.class).withId("reminder-needs-account-" + exercise).exists()).isFalse();
        Paragraph state = find(Paragraph.class).withId("reminder-state-" + exercise).single();
        assertThat(state.getElement().getTextRecursively()).isEqualTo("Er is geen herinnering gepland.");
        DatePicker date = find(DatePicker.class).withId("reminder-date-" + exercise).single();
        TimePicker time = find(TimePicker.class).withId("reminder-time-" + exercise).single();
        Select<Integer> repeat = find(Select.class).withId("reminder-repeat-" + exercise).single();

        date.setValue(LocalDate.now(Moments.ZONE).minusDays(1));
        click("reminder-save-");
        assertThat(date.isInvalid()).isTrue();
        assertThat(date.getErrorMessage()).isEqualTo("Dat moment is al voorbij. Kies een moment in de toekomst.");
        assertThat(journal.reminder(visitor, exercise)).isEmpty();

        LocalDate tomorrow = LocalDate.now(Moments.ZONE).plusDays(1);
        date.setValue(tomorrow);
        time.setValue(LocalTime.of(20, 30));
        repeat.setValue(7);
        click("reminder-save-");

        assertThat(date.isInvalid()).isFalse();
        Instant planned = ZonedDateTime.of(tomorrow, LocalTime.of(20, 30), Moments.ZONE).toInstant();
        assertThat(journal.reminder(visitor, exercise)).get().satisfies(reminder -> {
            assertThat(reminder.next()).isEqualTo(planned);
            assertThat(reminder.repeatDays()).isEqualTo(7);
        });
        assertThat(state.getElement().getTextRecursively()).isEqualTo("Volgende herinnering: "
                + Moments.longDateTime(planned, SpiegelI18NProvider.DUTCH) + " (Elke week).");

        Button stop = find(Button.class).withId("reminder-cancel-" + exercise).single();
        assertThat(stop.isVisible()).isTrue();
        test(stop).click();
        assertThat(journal.reminder(visitor, exercise)).isEmpty();
        assertThat(state.getElement().getTextRecursively()).isEqualTo("Er is geen herinnering gepland.");
        assertThat(stop.isVisible()).isFalse();
    }

    private TextArea field() {
        return find(TextArea.class).withId("note-text-" + exercise).single();
    }

    private void click(String idPrefix) {
        test(find(Button.class).withId(idPrefix + exercise).single()).click();
    }

    private java.util.List<String> noteTexts() {
        UnorderedList list = find(UnorderedList.class).withId("notes-" + exercise).single();
        return list.getChildren().map(Component::getElement).map(element -> element.getTextRecursively()).toList();
    }
}
