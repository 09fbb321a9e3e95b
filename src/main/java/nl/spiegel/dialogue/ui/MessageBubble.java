package nl.spiegel.dialogue.ui;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

import nl.spiegel.dialogue.ChatMessage;
import nl.spiegel.learn.Topic;

/** One message in the chat. Who said it is also given as text for screen readers. */
class MessageBubble extends Div {

    private final String text;
    private final java.util.Optional<String> learn;

    MessageBubble(ChatMessage message, Locale locale) {
        addClassName("sp-bubble");
        text = message.text().in(locale);
        learn = message.learn();
        switch (message.kind()) {
            case USER_TEXT, USER_CHOICE -> {
                addClassName("sp-bubble-user");
                add(srOnly(getTranslation("chat.you-said")), body(text));
            }
            case REFLECTION -> {
                addClassNames("sp-bubble-bot", "sp-bubble-reflection");
                add(srOnly(getTranslation("chat.spiegel-said")), body(text));
            }
            case EXERCISE -> {
                addClassNames("sp-bubble-bot", "sp-card", "sp-exercise-card");
                Span label = new Span(getTranslation("chat.exercise"));
                label.addClassName("sp-card-label");
                add(label, new H3(message.title().map(title -> title.in(locale)).orElse("")), body(text));
            }
            default -> {
                addClassName("sp-bubble-bot");
                add(srOnly(getTranslation("chat.spiegel-said")), body(text));
            }
        }
    }

    /**
     * A message that names a topic of "Over therapie" by its title in quotes gets a link to that topic below it, so a
     * suggestion in the script can be followed with one tap.
     */
    MessageBubble linkTopics(List<Topic> topics, Locale locale) {
        if (getClassNames().contains("sp-bubble-user")) {
            return this;
        }
        if (learn.isPresent()) {
            // the script names the topic itself ('learn'): that link only, whatever the text quotes
            topics.stream().filter(topic -> topic.id().equals(learn.get())).findFirst()
                    .ifPresent(topic -> add(topicLink(topic, locale)));
            return this;
        }
        for (Topic topic : topics) {
            String title = topic.title(locale);
            if (text.contains("\"" + title + "\"")) {
                add(topicLink(topic, locale));
            }
        }
        return this;
    }

    private Anchor topicLink(Topic topic, Locale locale) {
        Anchor link = new Anchor("learn/" + topic.id(), getTranslation("chat.read-topic", topic.title(locale)));
        link.getElement().setAttribute("router-link", true);
        link.addClassName("sp-topic-link");
        return link;
    }

    /** The summary items of a finished dialogue, shown together as one card. */
    static Div summary(List<ChatMessage> items, Locale locale) {
        Div card = new Div();
        card.addClassNames("sp-bubble", "sp-bubble-bot", "sp-card", "sp-summary-card");
        card.add(new H3(card.getTranslation("chat.summary")));
        items.forEach(item -> card.add(summaryItem(item, locale)));
        return card;
    }

    /** One line of a summary: the label and the person's own words. */
    static Div summaryItem(ChatMessage item, Locale locale) {
        Div row = new Div();
        row.addClassName("sp-summary-item");
        Span label = new Span(item.title().map(title -> title.in(locale)).orElse(""));
        label.addClassName("sp-summary-label");
        row.add(label, body(item.text().in(locale)));
        return row;
    }

    private static Paragraph body(String text) {
        Paragraph paragraph = new Paragraph(text);
        paragraph.addClassName("sp-bubble-text");
        return paragraph;
    }

    private static Span srOnly(String text) {
        Span span = new Span(text + " ");
        span.addClassName("sp-sr-only");
        return span;
    }
}
