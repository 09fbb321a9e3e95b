package nl.spiegel.dialogue;

import java.util.List;

import nl.spiegel.identity.Visitor;

/**
 * Implemented by a module that lets others respond to a person's dialogue (the review module: feedback from a
 * therapist the person shared it with), so the chat can show it without depending on that module.
 */
public interface DialogueFeedbackSource {

    /** Feedback on this dialogue meant for the person, oldest first; empty when there is none or it is not theirs. */
    List<DialogueFeedback> feedbackFor(Visitor person, SessionId session);
}
