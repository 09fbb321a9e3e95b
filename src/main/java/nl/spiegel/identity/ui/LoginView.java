package nl.spiegel.identity.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * Login for staff. Visitors never need it: Spiegel works without an account. The form posts to Spring Security's
 * form login at /login; a failed attempt comes back as /login?error.
 */
@Route("login")
@AnonymousAllowed
public class LoginView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();

    public LoginView() {
        addClassName("sp-therapist-login");
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(i18n());
        form.setId("login-form");
        Paragraph note = new Paragraph(getTranslation("login.staff-only"));
        note.addClassName("sp-note");
        add(new H1(getTranslation("login.title")), note, form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        form.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · " + getTranslation("app.name");
    }

    private LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form labels = i18n.getForm();
        labels.setTitle(getTranslation("login.form.title"));
        labels.setUsername(getTranslation("login.form.username"));
        labels.setPassword(getTranslation("login.form.password"));
        labels.setSubmit(getTranslation("login.form.submit"));
        labels.setForgotPassword(getTranslation("login.form.forgot"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation("login.error.title"));
        error.setMessage(getTranslation("login.error.message"));
        error.setUsername(getTranslation("login.error.username"));
        error.setPassword(getTranslation("login.error.password"));
        i18n.setAdditionalInformation(getTranslation("login.additional"));
        return i18n;
    }
}
