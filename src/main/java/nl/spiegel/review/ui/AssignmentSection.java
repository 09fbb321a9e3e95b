package nl.spiegel.review.ui;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;

import nl.spiegel.identity.UserId;
import nl.spiegel.review.Assignment;
import nl.spiegel.review.ReviewAssignmentService;
import nl.spiegel.review.ShareAccessDeniedException;
import nl.spiegel.review.ShareId;
import nl.spiegel.shared.i18n.Moments;

/**
 * In the transcript: give the person a dialogue or an exercise to do, with an optional due date, and see what was
 * given before and whether it is done.
 */
class AssignmentSection extends Div {

    private final ReviewAssignmentService assignments;
    private final UserId therapist;
    private final ShareId share;
    private final Runnable onGone;
    private final UnorderedList list = new UnorderedList();

    AssignmentSection(ReviewAssignmentService assignments, UserId therapist, ShareId share, Runnable onGone) {
        this.assignments = assignments;
        this.therapist = therapist;
        this.share = share;
        this.onGone = onGone;
        setId("assign-section");
        addClassName("sp-review-comments");
        Locale locale = getLocale();
        ComboBox<Assignment> what = new ComboBox<>(getTranslation("review.assign.what"));
        what.setId("assign-what");
        what.setItems(assignments.options(therapist, share, locale));
        what.setItemLabelGenerator(option -> getTranslation("review.assign.kind."
                + option.kind().name().toLowerCase(Locale.ROOT), option.title()));
        DatePicker due = new DatePicker(getTranslation("review.assign.due"));
        due.setId("assign-due");
        due.setLocale(locale);
        due.setMin(LocalDate.now(Moments.ZONE));
        Button send = new Button(getTranslation("review.assign.send"), click -> {
            if (what.getValue() == null) {
                what.setInvalid(true);
                what.setErrorMessage(getTranslation("review.assign.choose"));
                return;
            }
            try {
                assignments.assign(therapist, share, what.getValue().kind(), what.getValue().target(),
                        due.getValue(), getLocale());
            } catch (ShareAccessDeniedException gone) {
                onGone.run();
                return;
            }
            what.clear();
            due.clear();
            Notification.show(getTranslation("review.assign.saved"));
            refresh();
        });
        send.setId("assign-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        list.setId("assignment-list");
        add(new H2(getTranslation("review.assign.title")), new Paragraph(getTranslation("review.assign.help")), what,
                due, send, list);
        refresh();
    }

    private void refresh() {
        list.removeAll();
        Locale locale = getLocale();
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        for (Assignment assignment : assignments.assignedBy(therapist, share, locale)) {
            String status = assignment.done()
                    ? getTranslation("review.assign.done", Moments.date(assignment.doneAt(), locale))
                    : assignment.due() == null ? getTranslation("review.assign.open")
                    : getTranslation("review.assign.open-due", dates.format(assignment.due()));
            ListItem item = new ListItem(assignment.title() + " · " + status);
            item.addClassNames("sp-assignment", assignment.done() ? "sp-assignment-is-done" : "sp-assignment-open");
            list.add(item);
        }
    }
}
