package nl.spiegel.progress.ui;

import java.time.Clock;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import nl.spiegel.identity.CurrentVisitor;
import nl.spiegel.progress.MoodService;
import nl.spiegel.progress.ProgressService;

/**
 * My progress as one printable page a person can take to their GP: the same charts, tables and plain words, the date
 * it was made, and what the scores do and do not mean. The browser's print dialog also saves it as a PDF; the print
 * stylesheet leaves out the menu and the buttons and keeps it to one page.
 */
@Route("progress/print")
@AnonymousAllowed
public class ProgressPrintView extends ProgressView {

    public ProgressPrintView(ProgressService progress, MoodService moods, CurrentVisitor visitor, Clock clock) {
        super(progress, moods, visitor, Audience.PRINT);
        addClassName("sp-print");
        H1 title = new H1(getTranslation("progress.print.title"));
        title.setId("progress-print-title");
        Paragraph made = new Paragraph(getTranslation("progress.print.made", longDate(clock.instant())));
        made.setId("progress-print-made");
        Paragraph about = new Paragraph(getTranslation("progress.print.about"));
        Button print = new Button(getTranslation("progress.print.button"), VaadinIcon.PRINT.create(),
                click -> UI.getCurrent().getPage().executeJs("window.print()"));
        print.setId("progress-print");
        print.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Anchor back = new Anchor("progress", getTranslation("progress.print.back"));
        back.setId("progress-print-back");
        Div actions = new Div(print, back);
        actions.addClassName("sp-print-actions");
        addComponentAsFirst(actions);
        addComponentAtIndex(1, title);
        addComponentAtIndex(2, made);
        addComponentAtIndex(3, about);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("progress.print.title") + " · " + getTranslation("app.name");
    }
}
