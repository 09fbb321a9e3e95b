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
import nl.spiegel.identity.AccountSessions;
import nl.spiegel.identity.CurrentVisitor;
import nl.spiegel.identity.VerificationResult;

/**
 * Where the link in the confirmation mail leads ({@code verify-email?token=...}). In the browser that registered the
 * address is confirmed at once; in another browser the password chosen at registration is asked first. Either way
 * this browser is then logged in to the account, with everything the visitor did before.
 */
@Route("verify-email")
@AnonymousAllowed
public class VerifyEmailView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final AccountService accounts;
    private final AccountSessions sessions;
    private final CurrentVisitor visitor;
    private final Div content = new Div();
    private String token;

    public VerifyEmailView(AccountService accounts, AccountSessions sessions, CurrentVisitor visitor) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.visitor = visitor;
        addClassName("sp-verify-email");
        content.setId("verify-content");
        content.setMaxWidth("32rem");
        add(new H1(getTranslation("account.verify.title")), content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> tokens = event.getLocation().getQueryParameters().getParameters().getOrDefault("token",
                List.of());
        token = tokens.isEmpty() ? "" : tokens.getFirst();
        show(accounts.verifyEmail(token, visitor.isLoggedIn() ? null : visitor.get(), null,
                sessions.clientAddress()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.verify.title") + " \u00b7 " + getTranslation("app.name");
    }

    private void show(VerificationResult result) {
        content.removeAll();
        switch (result) {
            case VerificationResult.Verified verified -> {
                sessions.logIn(verified.account());
                Paragraph done = message("account.verify.done", "verify-done");
                // a full page load, so the menu and pages start in the logged-in session
                Anchor start = new Anchor("./", getTranslation("account.verify.continue"));
                start.setId("verify-continue");
                content.add(done, new Paragraph(start));
            }
            case VerificationResult.PasswordNeeded needed -> askPassword(null);
            case VerificationResult.WrongPassword wrong -> askPassword(getTranslation("account.verify.wrong-password"));
            case VerificationResult.Throttled throttled -> content.add(message("account.verify.throttled",
                    "verify-throttled"));
            case VerificationResult.AddressTaken taken -> content.add(message("account.verify.taken", "verify-taken"),
                    link("login", "account.verify.to-login"));
            case VerificationResult.Invalid invalid -> content.add(message("account.verify.invalid", "verify-invalid"),
                    link("register", "account.verify.to-register"));
        }
    }

    private void askPassword(String error) {
        Paragraph why = new Paragraph(getTranslation("account.verify.password-needed"));
        why.setId("verify-password-needed");
        PasswordField password = new PasswordField(getTranslation("account.verify.password"));
        password.setId("verify-password");
        password.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.CURRENT_PASSWORD);
        password.setWidthFull();
        if (error != null) {
            password.setErrorMessage(error);
            password.setInvalid(true);
        }
        Button confirm = new Button(getTranslation("account.verify.confirm"),
                click -> show(accounts.verifyEmail(token, null, password.getValue(), sessions.clientAddress())));
        confirm.setId("verify-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        content.add(why, password, confirm);
    }

    private Paragraph message(String key, String id) {
        Paragraph paragraph = new Paragraph(getTranslation(key));
        paragraph.setId(id);
        paragraph.getElement().setAttribute("role", "status");
        return paragraph;
    }

    private Paragraph link(String path, String key) {
        Anchor anchor = new Anchor(path, getTranslation(key));
        anchor.getElement().setAttribute("router-link", true);
        return new Paragraph(anchor);
    }
}
