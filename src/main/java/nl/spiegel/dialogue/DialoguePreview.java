package nl.spiegel.dialogue;

import java.util.Objects;

import nl.spiegel.dialogue.engine.Script;

/**
 * A checked draft an author wants to walk through as a person would. It lives only in the author's browser session
 * (the preview route reads it from there); nothing of a preview is stored as a session.
 *
 * @param returnRoute where the preview's "back" button leads
 */
public record DialoguePreview(Script script, String returnRoute) {

    public DialoguePreview {
        Objects.requireNonNull(script);
        Objects.requireNonNull(returnRoute);
    }
}
