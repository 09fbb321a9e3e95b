package nl.spiegel.escalation.screening;

import java.util.Objects;

/**
 * @param fromWords the person already said this in their own words ("ik wil niet meer leven" answers question 1),
 *                  so it was not asked
 */
public record Answer(Question question, boolean yes, boolean fromWords) {

    public Answer {
        Objects.requireNonNull(question);
    }

    public Answer(Question question, boolean yes) {
        this(question, yes, false);
    }
}
