package nl.spiegel.dialogue.engine;

import java.util.Map;
import java.util.Objects;

/**
 * Where a session stands: the node waiting for input (or the end node when finished), the variables collected so far
 * and how many answers were given.
 */
public record DialogueState(String nodeId, Map<String, String> variables, boolean finished, int answered) {

    public DialogueState {
        Objects.requireNonNull(nodeId);
        variables = Map.copyOf(variables);
    }
}
