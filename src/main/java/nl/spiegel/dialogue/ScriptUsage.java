package nl.spiegel.dialogue;

import java.util.List;

/**
 * How many different people used one version of a dialogue: counts only, never who.
 *
 * @param started   people who started it
 * @param completed people who finished it
 * @param reached   people who answered at least 1, 2, ... questions (index 0 = at least one answer)
 */
public record ScriptUsage(String scriptId, int version, int started, int completed, List<Integer> reached) {

    public ScriptUsage {
        reached = List.copyOf(reached);
    }
}
