package nl.spiegel.dialogue.ui;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;

import nl.spiegel.shared.i18n.Moments;
import nl.spiegel.dialogue.ExerciseFollowUp;
import nl.spiegel.dialogue.ExerciseId;
import nl.spiegel.dialogue.ExerciseJournal;
import nl.spiegel.dialogue.ExerciseNote;
import nl.spiegel.dialogue.ExerciseReminder;
import nl.spiegel.dialogue.JournalEntryException;
import nl.spiegel.identity.Visitor;

/**
 * The journal of one exercise on My exercises: "how did it go?", dated notes and an e-mail reminder. A note or answer
 * that cannot be stored stays in its field with a message, so nothing typed is lost.
 */
class ExerciseJournalPanel extends Div {

    private final ExerciseJournal journal;
    private final Visitor visitor;
    private final ExerciseId exercise;
    private final Locale locale;
    private final String suffix;

    ExerciseJournalPanel(ExerciseJournal journal, Visitor visitor, ExerciseId exercise, Locale locale) {
        this.journal = journal;
        this.visitor = visitor;
        this.exercise = exercise;
        this.locale = locale;
        this.suffix = "-" + exercise;
        addClassName("sp-journal");
        add(followUp(), notes(), reminder());
    }

    private Div followUp() {
        Div section = new Div();
        section.addClassName("sp-journal-section");
        section.add(new H3(getTranslation("exercises.followup.title")));
        Paragraph last = new Paragraph();
        last.setId("followup-last" + suffix);
        last.addClassName("sp-meta");
        showLast(last, journal.followUps(visitor, exercise));
        RadioButtonGroup<ExerciseFollowUp.Outcome> outcome = new RadioButtonGroup<>(
                getTranslation("exercises.followup.question"));
        outcome.setId("followup-outcome" + suffix);
        // one answer per line: easy to tap on a phone, and long labels never push the card wider than the screen
        outcome.addThemeName("vertical");
        outcome.setItems(ExerciseFollowUp.Outcome.values());
        outcome.setItemLabelGenerator(value -> getTranslation("exercises.followup.outcome." + value.code()));
        TextField note = new TextField(getTranslation("exercises.followup.note"));
        note.setId("followup-note" + suffix);
        note.setHelperText(getTranslation("exercises.journal.optional-max", journal.properties().maxFollowUpLength()));
        note.setWidthFull();
        Button save = new Button(getTranslation("exercises.followup.save"), click -> {
            if (outcome.getValue() == null) {
                outcome.setInvalid(true);
                outcome.setErrorMessage(getTranslation("exercises.followup.choose"));
                return;
            }
            try {
                journal.followUp(visitor, exercise, outcome.getValue(), note.getValue());
            } catch (JournalEntryException e) {
                note.setInvalid(true);
                note.setErrorMessage(message(e));
                return;
            }
            outcome.setInvalid(false);
            note.setInvalid(false);
            outcome.clear();
            note.clear();
            showLast(last, journal.followUps(visitor, exercise));
        });
        save.setId("followup-save" + suffix);
        section.add(last, outcome, note, save);
        return section;
    }

    private void showLast(Paragraph last, List<ExerciseFollowUp> followUps) {
        last.setVisible(!followUps.isEmpty());
        if (!followUps.isEmpty()) {
            ExerciseFollowUp newest = followUps.getFirst();
            last.setText(getTranslation("exercises.followup.last", Moments.date(newest.at(), locale),
                    getTranslation("exercises.followup.outcome." + newest.outcome().code()))
                    + (newest.note().isEmpty() ? "" : " \u201c" + newest.note() + "\u201d"));
        }
    }

    private Details notes() {
        UnorderedList list = new UnorderedList();
        list.setId("notes" + suffix);
        list.addClassName("sp-journal-notes");
        List<ExerciseNote> notes = journal.notes(visitor, exercise);
        notes.forEach(note -> list.add(noteItem(note)));
        Details details = new Details(getTranslation("exercises.notes.title", notes.size()));
        details.setId("notes-details" + suffix);
        TextArea text = new TextArea(getTranslation("exercises.notes.new"));
        text.setId("note-text" + suffix);
        text.setHelperText(getTranslation("exercises.journal.max", journal.properties().maxNoteLength()));
        text.setWidthFull();
        Button add = new Button(getTranslation("exercises.notes.add"), click -> {
            try {
                ExerciseNote note = journal.addNote(visitor, exercise, text.getValue());
                list.add(noteItem(note));
                text.clear();
                text.setInvalid(false);
                details.setSummaryText(getTranslation("exercises.notes.title", list.getComponentCount()));
            } catch (JournalEntryException e) {
                // the text stays in the field, so nothing typed is lost
                text.setInvalid(true);
                text.setErrorMessage(message(e));
            }
        });
        add.setId("note-add" + suffix);
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        details.add(list, text, add);
        return details;
    }

    private ListItem noteItem(ExerciseNote note) {
        ListItem item = new ListItem();
        item.addClassName("sp-journal-note");
        Span date = new Span(Moments.date(note.writtenAt(), locale));
        date.addClassName("sp-meta");
        Paragraph body = new Paragraph(note.text());
        body.addClassName("sp-bubble-text");
        item.add(date, body);
        return item;
    }

    private Details reminder() {
        Details details = new Details(getTranslation("exercises.reminder.title"));
        details.setId("reminder-details" + suffix);
        if (!journal.remindersAvailable(visitor)) {
            Paragraph note = new Paragraph(getTranslation("exercises.reminder.needs-account") + " ");
            note.setId("reminder-needs-account" + suffix);
            note.add(new Anchor("register", getTranslation("progress.reminder.register")));
            details.add(note);
            return details;
        }
        Paragraph state = new Paragraph();
        state.setId("reminder-state" + suffix);
        state.addClassName("sp-meta");
        DatePicker date = new DatePicker(getTranslation("exercises.reminder.date"));
        date.setId("reminder-date" + suffix);
        date.setLocale(locale);
        TimePicker time = new TimePicker(getTranslation("exercises.reminder.time"));
        time.setId("reminder-time" + suffix);
        time.setLocale(locale);
        time.setValue(LocalTime.of(19, 0));
        Select<Integer> repeat = new Select<>();
        repeat.setLabel(getTranslation("exercises.reminder.repeat"));
        repeat.setId("reminder-repeat" + suffix);
        repeat.setItems(ExerciseReminder.REPEATS);
        repeat.setItemLabelGenerator(days -> getTranslation("exercises.reminder.repeat." + days));
        repeat.setValue(0);
        Button cancel = new Button(getTranslation("exercises.reminder.cancel"));
        cancel.setId("reminder-cancel" + suffix);
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button save = new Button(getTranslation("exercises.reminder.save"), click -> {
            if (date.getValue() == null || time.getValue() == null) {
                date.setInvalid(date.getValue() == null);
                date.setErrorMessage(getTranslation("exercises.reminder.when"));
                time.setInvalid(time.getValue() == null);
                return;
            }
            Instant first = ZonedDateTime.of(date.getValue(), time.getValue(), Moments.ZONE).toInstant();
            try {
                journal.planReminder(visitor, exercise, first, repeat.getValue() == null ? 0 : repeat.getValue(),
                        locale);
                date.setInvalid(false);
                time.setInvalid(false);
                showReminder(state, cancel);
            } catch (JournalEntryException e) {
                date.setInvalid(true);
                date.setErrorMessage(message(e));
            }
        });
        save.setId("reminder-save" + suffix);
        cancel.addClickListener(click -> {
            journal.cancelReminder(visitor, exercise);
            showReminder(state, cancel);
        });
        showReminder(state, cancel);
        Paragraph privacy = new Paragraph(getTranslation("exercises.reminder.privacy"));
        privacy.addClassName("sp-hint");
        Div fields = new Div(date, time, repeat);
        fields.addClassName("sp-journal-fields");
        details.add(state, privacy, fields, new Div(save, cancel));
        return details;
    }

    private void showReminder(Paragraph state, Button cancel) {
        var reminder = journal.reminder(visitor, exercise);
        cancel.setVisible(reminder.isPresent());
        state.removeAll();
        state.add(new Text(reminder.map(value -> getTranslation("exercises.reminder.planned",
                        Moments.longDateTime(value.next(), locale),
                        getTranslation("exercises.reminder.repeat." + value.repeatDays())))
                .orElse(getTranslation("exercises.reminder.none"))));
    }

    private String message(JournalEntryException e) {
        return switch (e.reason()) {
            case EMPTY -> getTranslation("exercises.journal.empty");
            case TOO_LONG -> getTranslation("exercises.journal.too-long", e.limit());
            case IN_THE_PAST -> getTranslation("exercises.reminder.in-the-past");
            case UNKNOWN_REPEAT, NO_ADDRESS -> getTranslation("exercises.reminder.failed");
        };
    }
}
