package nl.spiegel.identity.ui;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import nl.spiegel.identity.AccountService;
import nl.spiegel.identity.CurrentVisitor;
import nl.spiegel.identity.RegistrationResult;

/**
 * Making an account out of the visitor's anonymous start: everything done so far stays. The account exists once the
 * link in the confirmation mail is opened.
 */
@Route("register")
@AnonymousAllowed
public class RegisterView extends Div implements HasDynamicTitle {

    private final AccountService accounts;
    private final CurrentVisitor visitor;
    private final EmailField email = new EmailField();
    private final PasswordField password;
    private final PasswordField repeat;
    private final Div form = new Div();

    public RegisterView(AccountService accounts, CurrentVisitor visitor) {
        this.accounts = accounts;
        this.visitor = visitor;
        addClassName("sp-register");
        add(new H1(getTranslation("register.title")));
        if (visitor.isLoggedIn()) {
            Anchor account = new Anchor("account", getTranslation("register.logged-in.link"));
            account.getElement().setAttribute("router-link", true);
            add(new Paragraph(new Text(getTranslation("register.logged-in") + " "), account));
            password = null;
            repeat = null;
            return;
        }
        Paragraph intro = new Paragraph(getTranslation("register.intro"));
        intro.addClassName("sp-lead");
        Paragraph keeps = new Paragraph(getTranslation("register.keeps"));
        Paragraph privacy = new Paragraph(getTranslation("register.privacy"));
        privacy.addClassName("sp-note");

        email.setLabel(getTranslation("register.email"));
        email.setId("register-email");
        email.setRequired(true);
        email.setWidthFull();
        email.setErrorMessage(getTranslation("register.email.invalid"));
        int minLength = accounts.passwordMinLength();
        password = PasswordFeedback.newPasswordField(this, "register.password", minLength);
        password.setId("register-password");
        password.addValueChangeListener(change -> {
            if (!change.getValue().isEmpty()) {
                PasswordFeedback.show(password, this, accounts.checkPassword(change.getValue(), email.getValue()),
                        minLength);
            }
        });
        repeat = new PasswordField(getTranslation("register.repeat"));
        repeat.setId("register-repeat");
        repeat.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        repeat.setWidthFull();
        Button submit = new Button(getTranslation("register.submit"), click -> register());
        submit.setId("register-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        Anchor login = new Anchor("login", getTranslation("register.login-link"));
        login.getElement().setAttribute("router-link", true);
        Paragraph haveAccount = new Paragraph(new Text(getTranslation("register.have-account") + " "), login);
        haveAccount.addClassName("sp-note");

        form.setId("register-form");
        form.setMaxWidth("32rem");
        form.add(email, password, repeat, submit);
        add(intro, keeps, form, privacy, haveAccount);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("register.title") + " \u00b7 " + getTranslation("app.name");
    }

    private void register() {
        int minLength = accounts.passwordMinLength();
        if (!password.getValue().equals(repeat.getValue())) {
            repeat.setErrorMessage(getTranslation("password.mismatch"));
            repeat.setInvalid(true);
            return;
        }
        repeat.setInvalid(false);
        RegistrationResult result = accounts.register(visitor.get(), email.getValue(), password.getValue(),
                getLocale());
        switch (result) {
            case RegistrationResult.InvalidEmail invalid -> {
                email.setErrorMessage(getTranslation("register.email.invalid"));
                email.setInvalid(true);
            }
            case RegistrationResult.PasswordRejected rejected ->
                    PasswordFeedback.show(password, this, rejected.problems(), minLength);
            case RegistrationResult.AlreadyRegistered already -> {
                form.removeAll();
                form.add(new Paragraph(getTranslation("register.logged-in")));
            }
            case RegistrationResult.MailSent sent -> {
                Paragraph done = new Paragraph(getTranslation("register.done", sent.email()));
                done.setId("register-done");
                done.getElement().setAttribute("role", "status");
                Paragraph hint = new Paragraph(getTranslation("register.done.hint"));
                hint.addClassName("sp-note");
                form.removeAll();
                form.add(done, hint);
            }
        }
    }
}
