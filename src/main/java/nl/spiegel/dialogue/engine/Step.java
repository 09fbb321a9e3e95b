package nl.spiegel.dialogue.engine;

import java.util.List;

/** The outcome of starting or answering: the new state and the turns to show, in order. */
public record Step(DialogueState state, List<Turn> turns) {

    public Step {
        turns = List.copyOf(turns);
    }
}
