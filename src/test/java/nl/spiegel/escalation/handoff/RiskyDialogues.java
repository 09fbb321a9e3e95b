package nl.spiegel.escalation.handoff;

import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.dialogue.SessionId;
import nl.spiegel.dialogue.SessionSnapshot;
import nl.spiegel.dialogue.engine.Prompt;
import nl.spiegel.dialogue.engine.UserInput;
import nl.spiegel.identity.Visitor;

/** For tests: a dialogue in which the person wrote something that raised the alert, stored as in real use. */
public final class RiskyDialogues {

    private RiskyDialogues() {
    }

    /** @param words what the person writes; it must show crisis-level risk, so the dialogue pauses */
    public static SessionId paused(DialogueService dialogues, Visitor person, String words) {
        SessionSnapshot paused = dialogues.startNew(person, "zelfbeeld");
        while (!(paused.prompt() instanceof Prompt.FreeText)) {
            Prompt.Choices choices = (Prompt.Choices) paused.prompt();
            paused = dialogues.answer(person, paused.id(), paused.revision(),
                    new UserInput.Choice(choices.options().getFirst().value()));
        }
        paused = dialogues.answer(person, paused.id(), paused.revision(), new UserInput.Text(words));
        if (paused.safetyPause().isEmpty()) {
            throw new IllegalStateException("the message did not raise the alert");
        }
        return paused.id();
    }
}
