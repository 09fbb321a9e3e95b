package nl.spiegel.dialogue.ui;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import nl.spiegel.shared.i18n.Moments;
import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.dialogue.ExerciseItem;
import nl.spiegel.dialogue.ExerciseJournal;
import nl.spiegel.identity.CurrentVisitor;

/**
 * The small assignments the dialogues gave, to tick off when done, each with its small journal: how it went, dated
 * notes and an optional reminder.
 */
@Route("my-exercises")
@AnonymousAllowed
public class MyExercisesView extends Div implements HasDynamicTitle {

    public MyExercisesView(DialogueService dialogues, ExerciseJournal journal, CurrentVisitor visitor) {
        addClassName("sp-page");
        Locale locale = getLocale();
        add(new H1(getTranslation("exercises.title")));
        List<ExerciseItem> exercises = dialogues.exercises(visitor.get());
        if (exercises.isEmpty()) {
            add(new Paragraph(getTranslation("exercises.empty")));
            return;
        }
        UnorderedList list = new UnorderedList();
        list.addClassName("sp-card-list");
        list.setId("exercise-list");
        for (ExerciseItem exercise : exercises) {
            ListItem item = new ListItem();
            item.addClassNames("sp-card", "sp-exercise-card");
            Span from = new Span(getTranslation("exercises.from", exercise.dialogueTitle().in(locale),
                    Moments.date(exercise.assignedAt(), locale)));
            from.addClassName("sp-meta");
            Checkbox done = new Checkbox(getTranslation("exercises.done"), exercise.done());
            done.addValueChangeListener(event -> {
                dialogues.markExercise(visitor.get(), exercise.id(), event.getValue());
                item.getElement().getClassList().set("sp-done", event.getValue());
            });
            item.getElement().getClassList().set("sp-done", exercise.done());
            item.getElement().setAttribute("data-exercise", exercise.id().toString());
            item.add(new H2(exercise.title().in(locale)), from, new Paragraph(exercise.text().in(locale)), done,
                    new ExerciseJournalPanel(journal, visitor.get(), exercise.id(), locale));
            list.add(item);
        }
        add(list);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("exercises.title") + " · " + getTranslation("app.name");
    }
}
