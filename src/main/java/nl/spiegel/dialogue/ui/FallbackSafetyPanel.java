package nl.spiegel.dialogue.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

import nl.spiegel.dialogue.ChatSafetyPanel;
import nl.spiegel.shared.ui.CrisisDialog;

/**
 * Used only when no escalation module provides a panel: never leave a risky message without the crisis contacts.
 */
class FallbackSafetyPanel implements ChatSafetyPanel {

    @Override
    public Component create(SafetyContext context, Runnable onContinue, Runnable onEnd) {
        Div panel = new Div();
        panel.setId("safety-panel");
        panel.addClassNames("sp-card", "sp-bubble", "sp-bubble-bot");
        Paragraph text = new Paragraph(panel.getTranslation("crisis.intro"));
        Button contacts = new Button(panel.getTranslation("help.button"), click -> new CrisisDialog().open());
        contacts.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        Button go = new Button(panel.getTranslation("chat.continue"), click -> onContinue.run());
        go.setId("continue-dialogue");
        panel.add(text, contacts, go);
        new CrisisDialog().open();
        return panel;
    }
}
