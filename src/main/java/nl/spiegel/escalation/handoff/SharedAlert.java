package nl.spiegel.escalation.handoff;

import java.util.List;
import java.util.Optional;

import nl.spiegel.escalation.screening.Answer;

/**
 * What the person agreed to share with the therapist in the conversation: their own words that raised the alert and
 * their answers to the follow-up questions. Personal text: show it to that therapist only, never log or send it.
 *
 * @param message the message that raised the alert, or null when the request did not come from a dialogue message
 * @param answers the answers to the follow-up questions, in the order given; empty when none were given
 */
public record SharedAlert(String message, List<Answer> answers) {

    public SharedAlert {
        answers = List.copyOf(answers);
    }

    public Optional<String> words() {
        return Optional.ofNullable(message);
    }

    @Override
    public String toString() {
        // a record's toString would put the person's words into any log line or exception that prints it
        return "SharedAlert[message " + (message == null ? "none" : "present") + ", " + answers.size() + " answers]";
    }
}
