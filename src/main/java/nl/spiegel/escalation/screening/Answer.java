package nl.spiegel.escalation.screening;

import java.util.Objects;

public record Answer(Question question, boolean yes) {

    public Answer {
        Objects.requireNonNull(question);
    }
}
