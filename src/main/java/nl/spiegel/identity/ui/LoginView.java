package nl.spiegel.identity.ui;

import java.time.Duration;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.AbstractLogin;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import com.vaadin.flow.server.VaadinSession;

import nl.spiegel.identity.AccountSessions;
import nl.spiegel.identity.Embedding;
import nl.spiegel.organisation.SingleSignOn;
import nl.spiegel.identity.CurrentVisitor;
import nl.spiegel.identity.LoginResult;
import nl.spiegel.identity.LoginService;

/**
 * Logging in with e-mail address and password, for clients with an account and for staff. Nobody needs it to use
 * Spiegel. The password goes to {@link LoginService} (throttling, second step) over Vaadin's own channel; there is
 * no form post that accepts a password.
 */
@Route("login")
@AnonymousAllowed
public class LoginView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginService logins;
    private final AccountSessions sessions;
    private final CurrentVisitor visitor;
    private final LoginForm form = new LoginForm();
    private final LoginI18n i18n;
    private final Paragraph ssoMessage = new Paragraph();

    public LoginView(LoginService logins, AccountSessions sessions, CurrentVisitor visitor,
                     SingleSignOn singleSignOn) {
        this.logins = logins;
        this.sessions = sessions;
        this.visitor = visitor;
        addClassName("sp-therapist-login");
        i18n = i18n();
        form.setI18n(i18n);
        form.setId("login-form");
        form.setForgotPasswordButtonVisible(true);
        form.addLoginListener(this::logIn);
        form.addForgotPasswordListener(click -> UI.getCurrent().navigate(ForgotPasswordView.class));

        Paragraph intro = new Paragraph(getTranslation("login.intro"));
        intro.addClassName("sp-lead");
        Anchor register = new Anchor("register", getTranslation("login.register-link"));
        register.getElement().setAttribute("router-link", true);
        register.setId("login-register");
        Paragraph noAccount = new Paragraph(new Text(getTranslation("login.no-account") + " "), register);
        noAccount.addClassName("sp-note");
        add(new H1(getTranslation("login.heading")), intro);
        ssoMessage.setId("login-sso-message");
        ssoMessage.getElement().setAttribute("role", "alert");
        ssoMessage.addClassName("sp-note");
        ssoMessage.setVisible(false);
        add(ssoMessage);
        // in an organisation's frame with single sign-on: its login first
        Embedding.of(VaadinSession.getCurrent() == null ? null : VaadinSession.getCurrent().getSession())
                .filter(embedding -> singleSignOn.isEnabled(embedding.slug()))
                .ifPresent(embedding -> {
                    Anchor sso = new Anchor("sso/" + embedding.slug(), getTranslation("login.sso.button"));
                    sso.setId("login-sso");
                    sso.setRouterIgnore(true);
                    sso.addClassName("sp-button-link");
                    add(new Paragraph(sso));
                });
        add(form, noAccount);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (visitor.isLoggedIn()) {
            event.forwardTo(AccountView.class);
            return;
        }
        // after a login through an organisation's provider that did not work: what happened, in plain words
        String sso = event.getLocation().getQueryParameters().getSingleParameter("sso").orElse("");
        if (sso.equals("failed") || sso.equals("refused") || sso.equals("unavailable")) {
            ssoMessage.setText(getTranslation("login.sso." + sso));
            ssoMessage.setVisible(true);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.heading") + " \u00b7 " + getTranslation("app.name");
    }

    private void logIn(AbstractLogin.LoginEvent event) {
        LoginResult result = logins.logIn(event.getUsername(), event.getPassword(), sessions.clientAddress());
        switch (result) {
            case LoginResult.LoggedIn loggedIn -> {
                sessions.logIn(loggedIn.account());
                // a fresh page load, so everything on screen belongs to the new session
                UI.getCurrent().getPage().setLocation(sessions.homeOf(loggedIn.account()).isEmpty()
                        ? "./" : sessions.homeOf(loggedIn.account()));
            }
            case LoginResult.SecondFactorNeeded next -> {
                sessions.rememberPending(next.pending());
                UI.getCurrent().navigate(TwoFactorView.class);
            }
            case LoginResult.EnrolmentNeeded next -> {
                sessions.rememberPending(next.pending());
                UI.getCurrent().navigate(TwoFactorView.class);
            }
            case LoginResult.Throttled throttled -> showError("login.throttled.title",
                    getTranslation("login.throttled.message", minutes(throttled.retryAfter())));
            case LoginResult.Failed failed -> showError("login.failed.title", getTranslation("login.failed.message"));
            case LoginResult.Expired expired -> showError("login.failed.title", getTranslation("login.failed.message"));
            case LoginResult.SecondFactorLocked locked -> showError("login.second-factor-locked.title",
                    getTranslation("login.second-factor-locked.message"));
        }
    }

    private void showError(String titleKey, String message) {
        i18n.getErrorMessage().setTitle(getTranslation(titleKey));
        i18n.getErrorMessage().setMessage(message);
        form.setI18n(i18n);
        form.setError(true);
        form.setEnabled(true);
    }

    /** Whole minutes, at least one: "wait 1 minute" reads better than "wait 37 seconds" and is never too short. */
    static long minutes(Duration wait) {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }

    private LoginI18n i18n() {
        LoginI18n labels = LoginI18n.createDefault();
        LoginI18n.Form form = labels.getForm();
        form.setTitle(getTranslation("login.form.title"));
        form.setUsername(getTranslation("login.form.username"));
        form.setPassword(getTranslation("login.form.password"));
        form.setSubmit(getTranslation("login.form.submit"));
        form.setForgotPassword(getTranslation("login.form.forgot"));
        LoginI18n.ErrorMessage error = labels.getErrorMessage();
        error.setTitle(getTranslation("login.failed.title"));
        error.setMessage(getTranslation("login.failed.message"));
        error.setUsername(getTranslation("login.error.username"));
        error.setPassword(getTranslation("login.error.password"));
        labels.setAdditionalInformation(getTranslation("login.additional"));
        return labels;
    }
}
