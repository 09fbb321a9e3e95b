package nl.spiegel.identity.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import nl.spiegel.identity.AccountSessions;
import nl.spiegel.identity.LoginResult;
import nl.spiegel.identity.LoginService;
import nl.spiegel.identity.PendingLogin;

/**
 * The second login step: the code from an authenticator app. Staff without an app yet first set one up here. Open to
 * anyone, but without a recent password step in this session it sends the browser back to the login page.
 */
@Route("two-factor")
@AnonymousAllowed
public class TwoFactorView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginService logins;
    private final AccountSessions sessions;
    private final CodeField code = new CodeField("");
    private PendingLogin pending;

    public TwoFactorView(LoginService logins, AccountSessions sessions) {
        this.logins = logins;
        this.sessions = sessions;
        addClassName("sp-two-factor");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        pending = sessions.pending().orElse(null);
        if (pending == null) {
            event.forwardTo(LoginView.class);
            return;
        }
        removeAll();
        add(new H1(getTranslation(pending.needsEnrolment() ? "totp.enrol.title" : "totp.login.title")));
        if (pending.needsEnrolment()) {
            Paragraph why = new Paragraph(getTranslation("totp.enrol.intro"));
            why.addClassName("sp-lead");
            add(why, new TotpSetupPanel(logins.enrolment(pending)));
        } else {
            Paragraph intro = new Paragraph(getTranslation("totp.login.intro"));
            intro.addClassName("sp-lead");
            add(intro);
        }
        code.setLabel(getTranslation("totp.code.label"));
        Button check = new Button(getTranslation("totp.code.submit"), click -> check());
        check.setId("totp-submit");
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        check.addClickShortcut(Key.ENTER);
        Anchor back = new Anchor("login", getTranslation("totp.back-to-login"));
        back.getElement().setAttribute("router-link", true);
        Paragraph backLine = new Paragraph(back);
        backLine.addClassName("sp-note");
        add(code, check, backLine);
        code.focus();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("totp.login.title") + " \u00b7 " + getTranslation("app.name");
    }

    private void check() {
        String typed = code.getValue();
        LoginResult result = pending.needsEnrolment()
                ? logins.confirmEnrolment(pending, typed, sessions.clientAddress())
                : logins.secondFactor(pending, typed, sessions.clientAddress());
        switch (result) {
            case LoginResult.LoggedIn loggedIn -> {
                sessions.logIn(loggedIn.account());
                String home = sessions.homeOf(loggedIn.account());
                UI.getCurrent().getPage().setLocation(home.isEmpty() ? "./" : home);
            }
            case LoginResult.Failed failed -> fail(getTranslation("totp.code.wrong"));
            case LoginResult.Throttled throttled -> fail(getTranslation("login.throttled.message",
                    LoginView.minutes(throttled.retryAfter())));
            case LoginResult.Expired expired -> {
                sessions.forgetPending();
                UI.getCurrent().navigate(LoginView.class);
            }
            case LoginResult.SecondFactorNeeded again -> fail(getTranslation("totp.code.wrong"));
            case LoginResult.EnrolmentNeeded again -> fail(getTranslation("totp.code.wrong"));
            case LoginResult.SecondFactorLocked locked -> fail(getTranslation("login.second-factor-locked.message"));
        }
    }

    private void fail(String message) {
        code.clear();
        code.setErrorMessage(message);
        code.setInvalid(true);
        code.focus();
    }
}
