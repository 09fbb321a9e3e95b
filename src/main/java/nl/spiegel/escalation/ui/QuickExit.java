package nl.spiegel.escalation.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

/**
 * "Snel weg": for someone who may be watched at home. Runs in the browser without waiting for the server: first the
 * conversation is taken out of the page, then the page is replaced by a neutral site with {@code location.replace},
 * so Back does not return to it.
 */
class QuickExit extends Div {

    private final Button leave = new Button();
    private final String url;

    QuickExit(String url) {
        this.url = url;
        addClassName("sp-quick-exit");
        leave.setText(getTranslation("safety.quick-exit"));
        leave.setId("quick-exit");
        leave.addThemeVariants(ButtonVariant.LUMO_CONTRAST, ButtonVariant.LUMO_PRIMARY);
        Paragraph hint = new Paragraph(getTranslation("safety.quick-exit.hint"));
        hint.addClassName("sp-note");
        add(leave, hint);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        leave.getElement().executeJs("""
                const url = $0;
                this.addEventListener('click', () => {
                  for (const id of ['chat-log', 'safety-panel', 'main']) {
                    const element = document.getElementById(id);
                    if (element) { element.replaceChildren(); }
                  }
                  document.title = '';
                  window.location.replace(url);
                });""", url);
    }
}
