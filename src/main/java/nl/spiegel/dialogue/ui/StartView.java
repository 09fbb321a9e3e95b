package nl.spiegel.dialogue.ui;

import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import nl.spiegel.dialogue.AssignedWorkSource;
import nl.spiegel.dialogue.DialogueCard;
import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.dialogue.SessionSnapshot;
import nl.spiegel.identity.CurrentVisitor;
import nl.spiegel.identity.Visitor;
import nl.spiegel.organisation.Organisation;
import nl.spiegel.organisation.OrganisationDirectory;

/** The start page: the dialogues with their status, and the way to the explanations about therapy. */
@Route("")
@AnonymousAllowed
public class StartView extends Div implements HasDynamicTitle {

    private final DialogueService dialogues;
    private final CurrentVisitor visitor;

    public StartView(DialogueService dialogues, CurrentVisitor visitor, OrganisationDirectory organisations,
                     ObjectProvider<AssignedWorkSource> assignedWork) {
        this.dialogues = dialogues;
        this.visitor = visitor;
        addClassName("sp-start");
        Locale locale = getLocale();

        H1 title = new H1(getTranslation("start.title"));
        Paragraph intro = new Paragraph(getTranslation("start.intro"));
        intro.addClassName("sp-lead");

        H2 listTitle = new H2(getTranslation("start.dialogues"));
        listTitle.setId("dialogues-heading");
        UnorderedList list = new UnorderedList();
        list.addClassName("sp-card-list");
        list.getElement().setAttribute("aria-labelledby", "dialogues-heading");
        Visitor person = visitor.get();
        // the person's organisation may offer a selection of the dialogues, and greets in its own words
        Organisation organisation = organisations.find(person.organisationId()).orElse(null);
        for (DialogueCard card : dialogues.catalogue(person)) {
            if (organisation == null || organisation.offers(card.scriptId())) {
                list.add(card(card, locale));
            }
        }

        H2 learnTitle = new H2(getTranslation("start.learn.title"));
        Div learn = new Div(learnTitle, new Paragraph(getTranslation("start.learn.text")),
                new Anchor("learn", getTranslation("start.learn.link")));
        learn.addClassNames("sp-card", "sp-learn-teaser");

        Paragraph privacy = new Paragraph(getTranslation("start.privacy"));
        privacy.addClassName("sp-note");

        add(title, intro);
        if (organisation != null) {
            if (organisation.branding().hasLogo()) {
                Image logo = new Image("/branding/" + organisation.slug() + "/logo", organisation.name());
                logo.setId("org-logo-image");
                logo.addClassName("sp-org-logo-image");
                add(logo);
            }
            organisation.branding().welcome(locale).ifPresent(text -> {
                Paragraph welcome = new Paragraph(text);
                welcome.setId("org-welcome");
                welcome.addClassName("sp-org-welcome");
                add(welcome);
            });
        }
        assignedWork.ifAvailable(source -> add(new AssignedWorkList(source, dialogues, visitor.get())));
        add(listTitle, list, learn, privacy);
    }

    private ListItem card(DialogueCard card, Locale locale) {
        ListItem item = new ListItem();
        item.addClassNames("sp-card", "sp-dialogue-card");
        item.getElement().setAttribute("data-dialogue", card.scriptId());

        Span status = new Span(getTranslation("status." + card.status().name().toLowerCase(Locale.ROOT)));
        status.addClassNames("sp-status", "sp-status-" + card.status().name().toLowerCase(Locale.ROOT));
        Span minutes = new Span(getTranslation("start.minutes", card.minutes()));
        minutes.addClassName("sp-meta");
        Div meta = new Div(status, minutes);
        meta.addClassName("sp-card-meta");

        String actionKey = switch (card.status()) {
            case NEW -> "start.begin";
            case IN_PROGRESS -> "start.continue";
            case DONE -> "start.again";
        };
        Button action = new Button(getTranslation(actionKey), click -> open(card));
        action.addThemeVariants(card.status() == DialogueCard.Status.DONE
                ? ButtonVariant.LUMO_CONTRAST : ButtonVariant.LUMO_PRIMARY);
        action.setAriaLabel(getTranslation(actionKey) + ": " + card.title().in(locale));
        action.addClassName("sp-card-action");

        item.add(new H2(card.title().in(locale)), new Paragraph(card.description().in(locale)), meta, action);
        return item;
    }

    private void open(DialogueCard card) {
        SessionSnapshot session = card.status() == DialogueCard.Status.DONE
                ? dialogues.startNew(visitor.get(), card.scriptId())
                : dialogues.startOrResume(visitor.get(), card.scriptId());
        UI.getCurrent().navigate(ChatView.class, session.id().toString());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.name") + " · " + getTranslation("start.title");
    }
}
