package nl.spiegel.dialogue.ui;

import org.jsoup.Jsoup;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.dom.Element;

/**
 * The text a component shows, like {@link Element#getTextRecursively()}, but also inside elements whose markup the
 * browser gets as {@code innerHTML} (the chat's messages): what a person reads in the chat, for browserless tests.
 */
public final class ShownText {

    private ShownText() {
    }

    public static String of(Component component) {
        StringBuilder text = new StringBuilder();
        append(component.getElement(), text);
        return text.toString();
    }

    /** The elements matching a CSS query in what the browser gets for this component, including inner markup. */
    public static java.util.List<org.jsoup.nodes.Element> select(Component component, String cssQuery) {
        return Jsoup.parseBodyFragment(component.getElement().getOuterHTML()).select(cssQuery);
    }

    private static void append(Element element, StringBuilder text) {
        if (element.isTextNode()) {
            text.append(element.getText());
        } else if (element.hasProperty("innerHTML")) {
            text.append(Jsoup.parseBodyFragment(element.getProperty("innerHTML")).body().wholeText());
        } else {
            element.getChildren().forEach(child -> append(child, text));
        }
    }
}
