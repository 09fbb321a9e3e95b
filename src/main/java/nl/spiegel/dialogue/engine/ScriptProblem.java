package nl.spiegel.dialogue.engine;

/** One thing wrong with a script; {@code nodeId} is null for problems with the script as a whole. */
public record ScriptProblem(String source, String nodeId, String problem) {

    @Override
    public String toString() {
        return nodeId == null ? source + ": " + problem : source + ", node '" + nodeId + "': " + problem;
    }
}
