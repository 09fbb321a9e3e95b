package nl.spiegel.dialogue.ui;

import java.util.List;
import java.util.Locale;

import org.jsoup.nodes.Entities;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

import nl.spiegel.dialogue.ChatMessage;
import nl.spiegel.learn.Topic;

/**
 * One message in the chat. Who said it is also given as text for screen readers.
 *
 * <p>The browser gets the same markup as a tree of components would give it (the bubble, a visually hidden "you
 * said", the paragraph, a topic link), but the server keeps one element per message with that markup as its
 * {@code innerHTML}: a tree of five components per message cost every open chat about 3 kB per message, one element
 * about 0.7 kB. Everything put into the markup is escaped here, whoever wrote it.
 */
class MessageBubble extends Div {

    private MessageBubble(String html, String... classNames) {
        addClassNames(classNames);
        getElement().setProperty("innerHTML", html);
    }

    /** A bubble's markup inside it and its classes. */
    private record Markup(String html, String... classNames) {

        /** The bubble itself as markup: the same element the bubble component gives the browser. */
        StringBuilder appendTo(StringBuilder out) {
            return out.append("<div class=\"").append(String.join(" ", classNames)).append("\">").append(html)
                    .append("</div>");
        }
    }

    /** A message of the conversation, with links to the "Over therapie" topics it names (none for a person's own). */
    static MessageBubble of(ChatMessage message, Locale locale, List<Topic> topics, Component i18n) {
        Markup markup = markup(message, locale, topics, i18n);
        return new MessageBubble(markup.html(), markup.classNames());
    }

    /**
     * The messages one step brought (the person's answer, Spiegel's reply and the next question; the whole history
     * when a chat opens) as ONE element: a {@code div.sp-turn}, which the style sheet lays out as if it were not there
     * ({@code display: contents}), holding the same bubbles as markup. Every element costs an open chat about 0.6 kB
     * on the server, whatever its size; a finished dialogue of 50 messages needs some 20 instead of 50. Summary items
     * come last, together as one card, as in {@link #summary}.
     */
    static Turn turn(List<ChatMessage> messages, Locale locale, List<Topic> topics, Component i18n) {
        StringBuilder html = new StringBuilder(messages.size() * 300);
        List<ChatMessage> summary = new java.util.ArrayList<>();
        for (ChatMessage message : messages) {
            if (message.kind() == nl.spiegel.dialogue.engine.Turn.Kind.SUMMARY) {
                summary.add(message);
            } else {
                markup(message, locale, topics, i18n).appendTo(html);
            }
        }
        if (!summary.isEmpty()) {
            summaryMarkup(summary, locale, i18n).appendTo(html);
        }
        return new Turn(html.toString());
    }

    /** The bubbles of one step, see {@link #turn}. */
    static final class Turn extends Div {

        private Turn(String html) {
            addClassName("sp-turn");
            getElement().setProperty("innerHTML", html);
        }

        /** The newest bubble into view (this element itself has no box to scroll to). */
        void scrollToLast() {
            getElement().executeJs("this.lastElementChild && this.lastElementChild.scrollIntoView(false)");
        }
    }

    private static Markup markup(ChatMessage message, Locale locale, List<Topic> topics, Component i18n) {
        String text = message.text().in(locale);
        StringBuilder html = new StringBuilder(text.length() + 120);
        return switch (message.kind()) {
            case USER_TEXT, USER_CHOICE -> new Markup(
                    srOnly(html, i18n.getTranslation("chat.you-said")).append(body(text)).toString(),
                    "sp-bubble", "sp-bubble-user");
            case REFLECTION -> new Markup(
                    links(srOnly(html, i18n.getTranslation("chat.spiegel-said")).append(body(text)), message, text,
                            topics, locale, i18n).toString(),
                    "sp-bubble", "sp-bubble-bot", "sp-bubble-reflection");
            case EXERCISE -> {
                element(html, "span", "sp-card-label", i18n.getTranslation("chat.exercise"));
                element(html, "h3", null, message.title().map(title -> title.in(locale)).orElse(""));
                yield new Markup(links(html.append(body(text)), message, text, topics, locale, i18n).toString(),
                        "sp-bubble", "sp-bubble-bot", "sp-card", "sp-exercise-card");
            }
            default -> new Markup(
                    links(srOnly(html, i18n.getTranslation("chat.spiegel-said")).append(body(text)), message, text,
                            topics, locale, i18n).toString(),
                    "sp-bubble", "sp-bubble-bot");
        };
    }

    /**
     * A message that names a topic of "Over therapie" by its title in quotes gets a link to that topic below it, so a
     * suggestion in the script can be followed with one tap.
     */
    private static StringBuilder links(StringBuilder html, ChatMessage message, String text, List<Topic> topics,
                                       Locale locale, Component i18n) {
        if (message.learn().isPresent()) {
            // the script names the topic itself ('learn'): that link only, whatever the text quotes
            String id = message.learn().get();
            topics.stream().filter(topic -> topic.id().equals(id)).findFirst()
                    .ifPresent(topic -> topicLink(html, topic, locale, i18n));
            return html;
        }
        for (Topic topic : topics) {
            if (text.contains("\"" + topic.title(locale) + "\"")) {
                topicLink(html, topic, locale, i18n);
            }
        }
        return html;
    }

    /** Vaadin's router takes over a click on an anchor with {@code router-link}, wherever the anchor came from. */
    private static void topicLink(StringBuilder html, Topic topic, Locale locale, Component i18n) {
        html.append("<a href=\"").append(Entities.escape("learn/" + topic.id()))
                .append("\" router-link class=\"sp-topic-link\">")
                .append(Entities.escape(i18n.getTranslation("chat.read-topic", topic.title(locale)))).append("</a>");
    }

    /** The summary items of a finished dialogue, shown together as one card. */
    static MessageBubble summary(List<ChatMessage> items, Locale locale, Component i18n) {
        Markup markup = summaryMarkup(items, locale, i18n);
        return new MessageBubble(markup.html(), markup.classNames());
    }

    private static Markup summaryMarkup(List<ChatMessage> items, Locale locale, Component i18n) {
        StringBuilder html = new StringBuilder(200 * items.size());
        element(html, "h3", null, i18n.getTranslation("chat.summary"));
        for (ChatMessage item : items) {
            html.append("<div class=\"sp-summary-item\">");
            element(html, "span", "sp-summary-label", item.title().map(title -> title.in(locale)).orElse(""));
            html.append(body(item.text().in(locale))).append("</div>");
        }
        return new Markup(html.toString(), "sp-bubble", "sp-bubble-bot", "sp-card", "sp-summary-card");
    }

    /** One line of a summary as components (the history page): the label and the person's own words. */
    static Div summaryItem(ChatMessage item, Locale locale) {
        Div row = new Div();
        row.addClassName("sp-summary-item");
        Span label = new Span(item.title().map(title -> title.in(locale)).orElse(""));
        label.addClassName("sp-summary-label");
        Paragraph paragraph = new Paragraph(item.text().in(locale));
        paragraph.addClassName("sp-bubble-text");
        row.add(label, paragraph);
        return row;
    }

    private static String body(String text) {
        return "<p class=\"sp-bubble-text\">" + Entities.escape(text) + "</p>";
    }

    private static StringBuilder srOnly(StringBuilder html, String text) {
        return element(html, "span", "sp-sr-only", text + " ");
    }

    private static StringBuilder element(StringBuilder html, String tag, String className, String text) {
        html.append('<').append(tag);
        if (className != null) {
            html.append(" class=\"").append(className).append('"');
        }
        return html.append('>').append(Entities.escape(text)).append("</").append(tag).append('>');
    }
}
