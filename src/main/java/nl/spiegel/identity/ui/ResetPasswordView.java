package nl.spiegel.identity.ui;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import nl.spiegel.identity.AccountService;
import nl.spiegel.identity.ResetResult;

/**
 * Where the link in the reset mail leads ({@code reset-password?token=...}): a new password, once. Opening the page
 * does not use the link up (mail scanners open links too); saving does.
 */
@Route("reset-password")
@AnonymousAllowed
public class ResetPasswordView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final AccountService accounts;
    private final Div content = new Div();
    private String token;

    public ResetPasswordView(AccountService accounts) {
        this.accounts = accounts;
        addClassName("sp-reset-password");
        content.setId("reset-content");
        content.setMaxWidth("32rem");
        add(new H1(getTranslation("account.reset.title")), content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> tokens = event.getLocation().getQueryParameters().getParameters().getOrDefault("token",
                List.of());
        token = tokens.isEmpty() ? "" : tokens.getFirst();
        content.removeAll();
        if (accounts.isResetLinkValid(token)) {
            showForm();
        } else {
            showInvalid();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.reset.title") + " \u00b7 " + getTranslation("app.name");
    }

    private void showForm() {
        int minLength = accounts.passwordMinLength();
        PasswordField password = PasswordFeedback.newPasswordField(this, "account.reset.password", minLength);
        password.setId("reset-password");
        PasswordField repeat = new PasswordField(getTranslation("account.reset.repeat"));
        repeat.setId("reset-repeat");
        repeat.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        repeat.setWidthFull();
        Button save = new Button(getTranslation("account.reset.submit"));
        save.setId("reset-submit");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> {
            if (!password.getValue().equals(repeat.getValue())) {
                repeat.setErrorMessage(getTranslation("password.mismatch"));
                repeat.setInvalid(true);
                return;
            }
            repeat.setInvalid(false);
            ResetResult result = accounts.resetPassword(token, password.getValue(), getLocale());
            switch (result) {
                case ResetResult.Done done -> {
                    content.removeAll();
                    Paragraph saved = new Paragraph(getTranslation("account.reset.done"));
                    saved.setId("reset-done");
                    saved.getElement().setAttribute("role", "status");
                    Anchor login = new Anchor("login", getTranslation("account.reset.to-login"));
                    login.getElement().setAttribute("router-link", true);
                    content.add(saved, new Paragraph(login));
                }
                case ResetResult.PasswordRejected rejected ->
                        PasswordFeedback.show(password, this, rejected.problems(), minLength);
                case ResetResult.InvalidLink invalid -> {
                    content.removeAll();
                    showInvalid();
                }
            }
        });
        Paragraph intro = new Paragraph(getTranslation("account.reset.intro"));
        content.add(intro, password, repeat, save);
    }

    private void showInvalid() {
        Paragraph invalid = new Paragraph(getTranslation("account.reset.invalid"));
        invalid.setId("reset-invalid");
        invalid.getElement().setAttribute("role", "status");
        Anchor again = new Anchor("forgot-password", getTranslation("account.reset.again"));
        again.getElement().setAttribute("router-link", true);
        content.add(invalid, new Paragraph(again));
    }
}
