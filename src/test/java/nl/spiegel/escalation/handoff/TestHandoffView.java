package nl.spiegel.escalation.handoff;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import nl.spiegel.dialogue.ChatSafetyPanel.SafetyContext;
import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.dialogue.SessionId;
import nl.spiegel.escalation.HumanHandoff;
import nl.spiegel.identity.CurrentVisitor;
import nl.spiegel.identity.Visitor;
import nl.spiegel.risk.RiskLevel;

/**
 * Test-only stand-in for the crisis panel: starts a dialogue session and, on "talk to a person now", shows what the
 * real {@link HumanHandoff} bean returns. Lives in the test sources (picked up because its package is under
 * {@code vaadin.allowed-packages}), so it never ships.
 */
@Route("test-handoff")
@AnonymousAllowed
public class TestHandoffView extends Div {

    static final List<String> RULE_IDS = List.of("test.crisis.plan", "test.crisis.means");

    public TestHandoffView(DialogueService dialogues, CurrentVisitor currentVisitor, HumanHandoff handoff) {
        Visitor visitor = currentVisitor.get();
        SessionId session = dialogues.startNew(visitor, "kennismaking").id();
        Button talk = new Button("Praat nu met een mens");
        talk.setId("talk-to-human");
        talk.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        talk.addClickListener(click -> {
            talk.setEnabled(false);
            add(handoff.start(new SafetyContext(visitor, session, RiskLevel.CRISIS, RULE_IDS)));
        });
        add(new H1("Test: crisis"), talk);
    }
}
