package nl.spiegel.identity.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import nl.spiegel.identity.AccountService;

/** Asking for a reset link. The answer is the same whether or not the address has an account. */
@Route("forgot-password")
@AnonymousAllowed
public class ForgotPasswordView extends Div implements HasDynamicTitle {

    public ForgotPasswordView(AccountService accounts) {
        addClassName("sp-forgot-password");
        Paragraph intro = new Paragraph(getTranslation("account.forgot.intro"));
        intro.addClassName("sp-lead");
        EmailField email = new EmailField(getTranslation("account.forgot.email"));
        email.setId("forgot-email");
        email.setWidthFull();
        email.setRequired(true);
        Div form = new Div();
        form.setId("forgot-form");
        form.setMaxWidth("32rem");
        Button send = new Button(getTranslation("account.forgot.submit"));
        send.setId("forgot-submit");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(click -> {
            if (email.getValue().isBlank()) {
                email.setErrorMessage(getTranslation("account.forgot.email.missing"));
                email.setInvalid(true);
                return;
            }
            accounts.requestPasswordReset(email.getValue(), getLocale());
            Paragraph done = new Paragraph(getTranslation("account.forgot.done"));
            done.setId("forgot-done");
            done.getElement().setAttribute("role", "status");
            form.removeAll();
            form.add(done);
        });
        form.add(email, send);
        Anchor login = new Anchor("login", getTranslation("account.forgot.to-login"));
        login.getElement().setAttribute("router-link", true);
        Paragraph back = new Paragraph(login);
        back.addClassName("sp-note");
        add(new H1(getTranslation("account.forgot.title")), intro, form, back);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.forgot.title") + " \u00b7 " + getTranslation("app.name");
    }
}
