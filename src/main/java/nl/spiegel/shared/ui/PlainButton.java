package nl.spiegel.shared.ui;

import org.jsoup.nodes.Entities;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.shared.Registration;

/**
 * The same {@code vaadin-button} as Vaadin's Button (same look, focusable, Enter and Space click, a button for screen
 * readers), for buttons that stay on an open screen and only need to know they were pressed. A Button keeps a text
 * node, a click listener with the ten mouse and key properties a ClickEvent carries, and its signal, disable-on-click
 * and event-bus helpers: about 1.5 kB for every open screen. This one is one element whose text is its (escaped)
 * markup, with a click listener that sends nothing but the click.
 */
@Tag("vaadin-button")
public class PlainButton extends Component implements HasStyle {

    /** The button was pressed (clicked, or Enter or Space while it had the focus). */
    @DomEvent("click")
    public static class Pressed extends ComponentEvent<PlainButton> {
        public Pressed(PlainButton source, boolean fromClient) {
            super(source, fromClient);
        }
    }

    /** A button with this id, text and Lumo theme variants (such as {@code primary}, {@code tertiary}). */
    public PlainButton(String id, String text, String... themes) {
        setId(id);
        getElement().setProperty("innerHTML", Entities.escape(text));
        if (themes.length > 0) {
            getElement().setAttribute("theme", String.join(" ", themes));
        }
    }

    public PlainButton(String id, String text, ComponentEventListener<Pressed> listener, String... themes) {
        this(id, text, themes);
        addPressListener(listener);
    }

    public Registration addPressListener(ComponentEventListener<Pressed> listener) {
        return addListener(Pressed.class, listener);
    }

    /** The text shown, read back from the markup (for tests and checks; the browser sees the same). */
    public String getText() {
        return org.jsoup.parser.Parser.unescapeEntities(getElement().getProperty("innerHTML", ""), false);
    }
}
