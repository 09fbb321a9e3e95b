package nl.spiegel.organisation;

import java.util.List;

/**
 * A setting that cannot be saved, with the translation key of a message for the admin and its arguments. Nothing
 * was stored.
 */
public class OrganisationSettingsException extends RuntimeException {

    private final String messageKey;
    private final List<Object> arguments;

    public OrganisationSettingsException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
