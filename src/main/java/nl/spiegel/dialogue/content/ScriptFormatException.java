package nl.spiegel.dialogue.content;

import java.util.List;

import nl.spiegel.dialogue.engine.ScriptProblem;

/** A script that cannot be used; the message names the file, the node and each problem. */
public final class ScriptFormatException extends RuntimeException {

    private final List<ScriptProblem> problems;

    public ScriptFormatException(List<ScriptProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<ScriptProblem> problems() {
        return problems;
    }

    private static String describe(List<ScriptProblem> problems) {
        StringBuilder text = new StringBuilder("Dialogue script is broken:");
        problems.forEach(problem -> text.append(System.lineSeparator()).append("  ").append(problem));
        return text.toString();
    }
}
