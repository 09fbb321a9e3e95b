package nl.spiegel.identity.ui;

import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldVariant;

/** The six-digit code from an authenticator app: numeric keyboard on phones, filled in by password managers. */
class CodeField extends TextField {

    CodeField(String label) {
        super(label);
        setId("totp-code");
        setMaxLength(7);
        setAllowedCharPattern("[0-9 ]");
        // lets phones offer the code and password managers fill it in
        getElement().setAttribute("autocomplete", "one-time-code");
        getElement().setAttribute("inputmode", "numeric");
        setHelperText(getTranslation("totp.code.helper"));
        addThemeVariants(TextFieldVariant.LUMO_ALIGN_CENTER);
    }
}
