package nl.spiegel.dialogue.engine;

/** What a person gave in reply to the node that is waiting. */
public sealed interface UserInput {

    record Text(String text) implements UserInput {
    }

    record Choice(String value) implements UserInput {
    }
}
