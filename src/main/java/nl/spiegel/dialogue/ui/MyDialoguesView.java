package nl.spiegel.dialogue.ui;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
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
import nl.spiegel.dialogue.PastDialogue;
import nl.spiegel.identity.CurrentVisitor;

/** Every dialogue this person started, with the summary of the finished ones. */
@Route("my-dialogues")
@AnonymousAllowed
public class MyDialoguesView extends Div implements HasDynamicTitle {

    public MyDialoguesView(DialogueService dialogues, CurrentVisitor visitor) {
        addClassName("sp-page");
        Locale locale = getLocale();
        add(new H1(getTranslation("history.title")));
        List<PastDialogue> past = dialogues.history(visitor.get());
        if (past.isEmpty()) {
            add(new Paragraph(getTranslation("history.empty")));
            return;
        }
        UnorderedList list = new UnorderedList();
        list.addClassName("sp-card-list");
        list.setId("history-list");
        for (PastDialogue dialogue : past) {
            ListItem item = new ListItem();
            item.addClassNames("sp-card", "sp-history-card");
            Span status = new Span(getTranslation(dialogue.finished() ? "status.done" : "status.in_progress"));
            status.addClassNames("sp-status", dialogue.finished() ? "sp-status-done" : "sp-status-in_progress");
            Span when = new Span(getTranslation("history.started", Moments.date(dialogue.startedAt(), locale)));
            when.addClassName("sp-meta");
            Div meta = new Div(status, when);
            meta.addClassName("sp-card-meta");
            item.add(new H2(dialogue.title().in(locale)), meta);
            if (!dialogue.summary().isEmpty()) {
                Div summary = new Div();
                dialogue.summary().forEach(entry -> summary.add(MessageBubble.summaryItem(entry, locale)));
                item.add(new Details(getTranslation("history.summary"), summary));
            }
            Button open = new Button(getTranslation(dialogue.finished() ? "history.read" : "start.continue"),
                    click -> UI.getCurrent().navigate(ChatView.class, dialogue.id().toString()));
            open.setAriaLabel(open.getText() + ": " + dialogue.title().in(locale));
            // by route name: the sharing screens live in the review module, which depends on this one
            Button share = new Button(getTranslation("history.share"),
                    click -> UI.getCurrent().navigate("share/" + dialogue.id()));
            share.setAriaLabel(share.getText() + ": " + dialogue.title().in(locale));
            share.addClassName("sp-share-button");
            item.add(open, share);
            list.add(item);
        }
        add(list);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("history.title") + " · " + getTranslation("app.name");
    }
}
