package nl.spiegel.learn.ui;

import java.util.Locale;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import nl.spiegel.learn.LearnService;
import nl.spiegel.learn.Topic;

/** The psycho-education corner: what therapy is, its forms and phases, and when self-help is not enough. */
@Route("learn")
@AnonymousAllowed
public class LearnView extends Div implements HasDynamicTitle {

    public LearnView(LearnService learn) {
        addClassName("sp-page");
        Locale locale = getLocale();
        add(new H1(getTranslation("learn.title")), new Paragraph(getTranslation("learn.intro")));
        UnorderedList list = new UnorderedList();
        list.addClassName("sp-card-list");
        list.setId("topic-list");
        for (Topic topic : learn.topics()) {
            ListItem item = new ListItem();
            item.addClassName("sp-card");
            Anchor link = new Anchor("learn/" + topic.id(), topic.title(locale));
            item.add(new H2(link), new Paragraph(topic.summary(locale)));
            list.add(item);
        }
        add(list);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("learn.title") + " · " + getTranslation("app.name");
    }
}
