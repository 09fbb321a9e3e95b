package nl.spiegel.authoring;

import java.util.List;
import java.util.Optional;

import nl.spiegel.dialogue.engine.Script;

/** What checking a draft found: every problem in text order, and the script when there are none. */
public record DraftCheck(List<ScriptIssue> issues, Optional<Script> script) {

    public DraftCheck {
        issues = List.copyOf(issues);
    }

    public boolean publishable() {
        return issues.isEmpty() && script.isPresent();
    }
}
