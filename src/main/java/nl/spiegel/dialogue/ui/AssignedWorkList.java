package nl.spiegel.dialogue.ui;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

import nl.spiegel.dialogue.AssignedWorkSource;
import nl.spiegel.dialogue.AssignedWorkSource.AssignedWork;
import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.identity.Visitor;

/** On the start page: what the person's therapist asked them to do, with a way to start it and to say it is done. */
class AssignedWorkList extends Div {

    private final AssignedWorkSource source;
    private final DialogueService dialogues;
    private final Visitor person;
    private final UnorderedList list = new UnorderedList();

    AssignedWorkList(AssignedWorkSource source, DialogueService dialogues, Visitor person) {
        this.source = source;
        this.dialogues = dialogues;
        this.person = person;
        setId("assignments-section");
        addClassName("sp-assignments");
        list.setId("assignments");
        list.addClassName("sp-card-list");
        add(new H2(getTranslation("start.assignments.title")), list);
        refresh();
    }

    private void refresh() {
        list.removeAll();
        Locale locale = getLocale();
        List<AssignedWork> all = source.assignedTo(person, locale);
        setVisible(!all.isEmpty());
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        for (AssignedWork work : all) {
            ListItem item = new ListItem();
            item.addClassNames("sp-card", "sp-assignment");
            Span status = new Span(getTranslation(work.done() ? "start.assignments.done" : "start.assignments.open"));
            status.addClassNames("sp-status", work.done() ? "sp-status-done" : "sp-status-new");
            item.add(status, new H3(work.title()), new Paragraph(getTranslation("start.assignments.from", work.from())));
            if (work.due() != null) {
                item.add(new Paragraph(getTranslation("start.assignments.due", dates.format(work.due()))));
            }
            Button start = new Button(getTranslation(work.scriptId() != null ? "start.begin" : "start.assignments.read"),
                    click -> open(work));
            start.addClassName("sp-assignment-open");
            start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            item.add(start);
            if (!work.done() && work.scriptId() == null) {
                Button done = new Button(getTranslation("start.assignments.mark-done"), click -> {
                    source.markDone(person, work.id());
                    refresh();
                });
                done.addClassName("sp-assignment-done");
                item.add(done);
            }
            list.add(item);
        }
    }

    private void open(AssignedWork work) {
        if (work.scriptId() != null) {
            UI.getCurrent().navigate(ChatView.class, dialogues.startOrResume(person, work.scriptId()).id().toString());
        } else {
            UI.getCurrent().navigate(work.path());
        }
    }
}
