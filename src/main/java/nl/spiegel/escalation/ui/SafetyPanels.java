package nl.spiegel.escalation.ui;

import java.util.Locale;

import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;

import nl.spiegel.escalation.CrisisContacts;
import nl.spiegel.escalation.SafetyContext;
import nl.spiegel.escalation.SafetyProperties;
import nl.spiegel.escalation.ScreeningService;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;

/**
 * Builds the safety panel for a screen that shows one: the chat after a risky message, the questionnaire after a
 * worrying answer. The panel gets the crisis contacts of the person's organisation in the language of the screen,
 * the follow-up questions and the way to a person.
 */
@Component
public class SafetyPanels {

    private final CrisisContacts contacts;
    private final ScreeningService screenings;
    private final HumanHandoff handoff;
    private final SafetyProperties properties;

    SafetyPanels(CrisisContacts contacts, ScreeningService screenings, HumanHandoff handoff,
                 SafetyProperties properties) {
        this.properties = properties;
        this.contacts = contacts;
        this.screenings = screenings;
        this.handoff = handoff;
    }

    /**
     * @param onContinue called when the person chooses to go on; the help stays visible
     * @param onEnd      called when the dialogue should end gently instead (after a positive screen the script must
     *                   not mirror the risky words back); the panel stays
     */
    public SafetyPanel create(SafetyContext context, Runnable onContinue, Runnable onEnd) {
        UI ui = UI.getCurrent();
        Locale locale = ui == null ? SpiegelI18NProvider.DUTCH : ui.getLocale();
        return new SafetyPanel(context, new SafetyPanel.Actions(onContinue, onEnd),
                contacts.forOrganisation(context.visitor().organisationId(), locale), screenings, handoff,
                properties.quickExitUrl());
    }

    public SafetyPanel create(SafetyContext context, Runnable onContinue) {
        return create(context, onContinue, () -> {
        });
    }
}
