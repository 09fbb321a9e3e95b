package nl.spiegel.authoring;

import java.util.List;

/**
 * One thing that keeps a draft from being published, where it is in the text (1-based line and column) and what is
 * wrong in words the view translates: {@code authoring.problem.<code>} with {@code args}.
 *
 * @param nodeId the step it concerns, or null for the script as a whole
 * @param safety whether the publish-time safety check found it (rather than the format validation)
 */
public record ScriptIssue(int line, int column, String nodeId, String code, List<String> args, boolean safety) {

    public ScriptIssue {
        args = List.copyOf(args);
    }

    /** The message key of the plain-words description. */
    public String messageKey() {
        return "authoring.problem." + code;
    }
}
