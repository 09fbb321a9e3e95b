package nl.spiegel.learn.ui;

import java.util.Locale;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import nl.spiegel.learn.LearnService;
import nl.spiegel.learn.Topic;

/** One explanation, rendered from the small text format of learn.yaml. */
@Route("learn")
@AnonymousAllowed
public class TopicView extends Div implements HasUrlParameter<String>, HasDynamicTitle {

    private final LearnService learn;
    private String title = "";

    public TopicView(LearnService learn) {
        this.learn = learn;
        addClassName("sp-page");
    }

    @Override
    public void setParameter(BeforeEvent event, String id) {
        removeAll();
        Locale locale = getLocale();
        Anchor back = new Anchor("learn", getTranslation("learn.back"));
        back.addClassName("sp-back");
        Topic topic = learn.topic(id).orElse(null);
        if (topic == null) {
            title = getTranslation("learn.not-found");
            add(back, new H1(title));
            return;
        }
        title = topic.title(locale);
        Article article = new Article(new H1(title));
        article.addClassName("sp-article");
        render(article, topic.body(locale));
        add(back, article);
    }

    static void render(Article article, String body) {
        UnorderedList list = null;
        for (String block : body.split("\\n\\s*\\n")) {
            for (String line : block.strip().split("\\n")) {
                String text = line.strip();
                if (text.startsWith("- ")) {
                    if (list == null) {
                        list = new UnorderedList();
                        article.add(list);
                    }
                    list.add(new ListItem(text.substring(2).strip()));
                    continue;
                }
                list = null;
                if (text.startsWith("## ")) {
                    article.add(new H2(text.substring(3).strip()));
                } else if (!text.isEmpty()) {
                    article.add(new Paragraph(text));
                }
            }
            list = null;
        }
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
