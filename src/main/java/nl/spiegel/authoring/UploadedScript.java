package nl.spiegel.authoring;

import java.util.Optional;

/** An uploaded script file: its text for the editor, or the problem that keeps it out of the editor. */
public record UploadedScript(Optional<String> text, Optional<ScriptIssue> problem) {
}
