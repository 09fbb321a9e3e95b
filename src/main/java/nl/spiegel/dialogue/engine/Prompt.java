package nl.spiegel.dialogue.engine;

import java.util.List;

/** What kind of reply the waiting node expects. */
public sealed interface Prompt {

    record FreeText(int maxLength) implements Prompt {
    }

    record Choices(List<Node.Option> options) implements Prompt {
        public Choices {
            options = List.copyOf(options);
        }
    }

    /** A questionnaire form: every item with the answer scale. */
    record Form(Node.Questionnaire questionnaire) implements Prompt {
    }

    /** The dialogue is finished; nothing more to answer. */
    record None() implements Prompt {
    }
}
