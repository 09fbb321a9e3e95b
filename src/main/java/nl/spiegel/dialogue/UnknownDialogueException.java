package nl.spiegel.dialogue;

public class UnknownDialogueException extends RuntimeException {

    public UnknownDialogueException(String scriptId) {
        super("No dialogue '" + scriptId + "'");
    }
}
