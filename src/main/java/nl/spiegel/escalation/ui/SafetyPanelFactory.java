package nl.spiegel.escalation.ui;

import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;

import nl.spiegel.dialogue.ChatSafetyPanel;
import nl.spiegel.escalation.CrisisContacts;
import nl.spiegel.escalation.HumanHandoff;
import nl.spiegel.escalation.SafetyProperties;
import nl.spiegel.escalation.ScreeningService;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;

/** The chat's safety panel: crisis contacts of the person's organisation, the follow-up questions, a human. */
@Component
class SafetyPanelFactory implements ChatSafetyPanel {

    private final CrisisContacts contacts;
    private final ScreeningService screenings;
    private final ObjectProvider<HumanHandoff> handoff;
    private final SafetyProperties properties;

    SafetyPanelFactory(CrisisContacts contacts, ScreeningService screenings, ObjectProvider<HumanHandoff> handoff,
                       SafetyProperties properties) {
        this.properties = properties;
        this.contacts = contacts;
        this.screenings = screenings;
        this.handoff = handoff;
    }

    @Override
    public com.vaadin.flow.component.Component create(SafetyContext context, Runnable onContinue, Runnable onEnd) {
        UI ui = UI.getCurrent();
        Locale locale = ui == null ? SpiegelI18NProvider.DUTCH : ui.getLocale();
        // the handoff is looked up when the person asks for it, not now: it may become available meanwhile
        return new SafetyPanel(context, new SafetyPanel.Actions(onContinue, onEnd),
                contacts.forOrganisation(context.visitor().organisationId(), locale), screenings,
                handoff::getIfUnique, properties.quickExitUrl());
    }
}
