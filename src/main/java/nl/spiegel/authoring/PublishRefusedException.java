package nl.spiegel.authoring;

import java.util.List;

/** A draft that was not published; the issues say why. Nothing was stored. */
public final class PublishRefusedException extends RuntimeException {

    private final List<ScriptIssue> issues;

    public PublishRefusedException(List<ScriptIssue> issues) {
        super(issues.size() + " problem(s) keep the script from being published");
        this.issues = List.copyOf(issues);
    }

    public List<ScriptIssue> issues() {
        return issues;
    }
}
