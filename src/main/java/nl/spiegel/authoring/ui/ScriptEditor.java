package nl.spiegel.authoring.ui;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;

/**
 * A plain text area with line numbers beside it, so the line of a problem is easy to find. The area grows with its
 * text and lines do not wrap, so each number stays next to its line without any script in the browser.
 */
class ScriptEditor extends Div {

    private final TextArea source = new TextArea();
    private final Pre gutter = new Pre();

    ScriptEditor() {
        addClassName("sp-editor");
        source.setId("authoring-source");
        source.setLabel(getTranslation("authoring.editor.label"));
        source.addClassName("sp-editor-text");
        source.setWidthFull();
        source.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        source.addValueChangeListener(change -> number(change.getValue()));
        source.getElement().setAttribute("spellcheck", "false");
        gutter.setId("authoring-gutter");
        gutter.addClassName("sp-editor-gutter");
        gutter.getElement().setAttribute("aria-hidden", "true");
        add(gutter, source);
        number("");
    }

    String value() {
        return source.getValue();
    }

    void setValue(String text) {
        source.setValue(text == null ? "" : text);
        number(source.getValue());
    }

    private void number(String text) {
        int lines = Math.max(1, (int) text.lines().count() + (text.endsWith("\n") ? 1 : 0));
        gutter.setText(IntStream.rangeClosed(1, lines).mapToObj(String::valueOf).collect(Collectors.joining("\n")));
    }
}
