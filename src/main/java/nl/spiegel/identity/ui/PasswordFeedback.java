package nl.spiegel.identity.ui;

import java.util.List;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.textfield.PasswordField;

import nl.spiegel.identity.PasswordProblem;

/** Shows what is wrong with a new password on the field, in the person's language. */
final class PasswordFeedback {

    private PasswordFeedback() {
    }

    static PasswordField newPasswordField(Component owner, String labelKey, int minLength) {
        PasswordField field = new PasswordField(owner.getTranslation(labelKey));
        field.setHelperText(owner.getTranslation("password.helper", minLength));
        field.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        field.setMaxLength(nl.spiegel.identity.PasswordPolicy.MAX_LENGTH);
        field.setWidthFull();
        return field;
    }

    static String describe(Component owner, List<PasswordProblem> problems, int minLength) {
        return problems.stream()
                .map(problem -> owner.getTranslation(problem.messageKey(), problem == PasswordProblem.TOO_LONG
                        ? nl.spiegel.identity.PasswordPolicy.MAX_LENGTH : minLength))
                .collect(Collectors.joining(" "));
    }

    static void show(PasswordField field, Component owner, List<PasswordProblem> problems, int minLength) {
        field.setErrorMessage(describe(owner, problems, minLength));
        field.setInvalid(!problems.isEmpty());
    }
}
