package nl.spiegel.identity.ui;

import nl.spiegel.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;

import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.identity.Base32;
import nl.spiegel.identity.CurrentVisitor;
import nl.spiegel.identity.DemoAccountProperties;
import nl.spiegel.identity.Totp;
import nl.spiegel.identity.UserId;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;

/** The account screens walked without a browser, against the real services, database and an SMTP server. */
@SpiegelIntegrationTest
class AccountViewsIT extends SpringBrowserlessTest {

    private static final int SMTP_PORT = freePort();
    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]{43})");
    private static final String PASSWORD = "op zondag fietsen we naar oma";

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1",
            ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @TestConfiguration
    static class Config {
        @Bean
        @Primary
        MovableClock testClock() {
            return new MovableClock();
        }

        /** The mock request of browserless tests cannot change its session id; LoginSecurityIT checks that part. */
        @Bean
        @Primary
        SessionAuthenticationStrategy keepSessionId() {
            return (authentication, request, response) -> { };
        }
    }

    @Autowired
    CurrentVisitor currentVisitor;
    @Autowired
    MovableClock clock;

    @BeforeEach
    void dutch() throws Exception {
        VaadinSession.getCurrent().setLocale(SpiegelI18NProvider.DUTCH);
        UI.getCurrent().setLocale(SpiegelI18NProvider.DUTCH);
        mail.purgeEmailFromAllMailboxes();
    }

    @Test
    void registeringRefusesAWeakPasswordAndTwoDifferentOnesWithClearWords() {
        navigate(RegisterView.class);
        test(find(EmailField.class).withId("register-email").single()).setValue("iemand@example.org");
        PasswordField password = find(PasswordField.class).withId("register-password").single();
        PasswordField repeat = find(PasswordField.class).withId("register-repeat").single();

        test(password).setValue("wachtwoord123");
        test(repeat).setValue("wachtwoord123");
        test(find(Button.class).withId("register-submit").single()).click();
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).contains("heel vaak gebruikt");

        test(password).setValue("kort");
        assertThat(password.getErrorMessage()).contains("minstens 12 tekens");

        test(password).setValue(PASSWORD);
        test(repeat).setValue(PASSWORD + "!");
        test(find(Button.class).withId("register-submit").single()).click();
        assertThat(repeat.isInvalid()).isTrue();
        assertThat(repeat.getErrorMessage()).isEqualTo("De twee wachtwoorden zijn niet hetzelfde.");
        assertThat(find(Paragraph.class).withId("register-done").exists()).isFalse();
    }

    @Test
    void registeringAndOpeningTheLinkInTheSameBrowserMakesTheVisitorTheAccount() throws Exception {
        UserId before = currentVisitor.get().userId();
        String email = "scherm-" + UUID.randomUUID() + "@example.org";
        navigate(RegisterView.class);
        test(find(EmailField.class).withId("register-email").single()).setValue(email);
        test(find(PasswordField.class).withId("register-password").single()).setValue(PASSWORD);
        test(find(PasswordField.class).withId("register-repeat").single()).setValue(PASSWORD);
        test(find(Button.class).withId("register-submit").single()).click();

        assertThat(find(Paragraph.class).withId("register-done").single().getText()).contains(email);
        assertThat(currentVisitor.isLoggedIn()).isFalse();

        withToken(VerifyEmailView.class, token());

        assertThat(find(Paragraph.class).withId("verify-done").exists()).isTrue();
        assertThat(currentVisitor.isLoggedIn()).isTrue();
        assertThat(currentVisitor.get().userId()).as("the same user, with everything").isEqualTo(before);
        navigate(AccountView.class);
        assertThat(find(Paragraph.class).withId("account-email").single().getText()).contains(email);
    }

    @Test
    void anUnknownConfirmationLinkSaysSoAndLogsNobodyIn() {
        withToken(VerifyEmailView.class, "x".repeat(43));

        assertThat(find(Paragraph.class).withId("verify-invalid").exists()).isTrue();
        assertThat(currentVisitor.isLoggedIn()).isFalse();
    }

    @Test
    void loggingInOnThisDeviceMakesTheCurrentVisitorTheAccount() {
        UserId anonymous = currentVisitor.get().userId();
        navigate(LoginView.class);

        test(find(LoginForm.class).single()).login(DemoAccountProperties.CLIENT_EMAIL, "spiegel-demo-client");

        assertThat(currentVisitor.isLoggedIn()).isTrue();
        assertThat(currentVisitor.get().userId()).isNotEqualTo(anonymous);
        navigate(AccountView.class);
        assertThat(find(Paragraph.class).withId("account-email").single().getText())
                .contains(DemoAccountProperties.CLIENT_EMAIL);
    }

    @Test
    void aFailedSingleSignOnEndsOnTheNormalLoginWithAFriendlyMessage() {
        navigate(LoginView.class);
        assertThat(find(Paragraph.class).withId("login-sso-message").all()).as("hidden without a failure").isEmpty();
        UI.getCurrent().navigate("login", com.vaadin.flow.router.QueryParameters.of("sso", "failed"));
        Paragraph message = find(Paragraph.class).withId("login-sso-message").single();
        assertThat(message.isVisible()).isTrue();
        assertThat(message.getText()).isEqualTo(message.getTranslation("login.sso.failed"));
        assertThat(find(LoginForm.class).single().isVisible()).as("the password login is still there").isTrue();
    }

    @Test
    void aWrongPasswordKeepsTheLoginFormWithAnError() {
        navigate(LoginView.class);
        LoginForm form = find(LoginForm.class).single();

        test(form).login(DemoAccountProperties.CLIENT_EMAIL, "helemaal niet goed");

        assertThat(form.isError()).isTrue();
        assertThat(form.isEnabled()).isTrue();
        assertThat(currentVisitor.isLoggedIn()).isFalse();
        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
    }

    @Test
    void pagesForLoggedInPeopleAndTheCodeStepSendAnonymousVisitorsToTheLogin() {
        UI.getCurrent().navigate(TwoFactorView.class);
        assertThat(getCurrentView()).as("no password step in this session").isInstanceOf(LoginView.class);
        UI.getCurrent().navigate(AccountView.class);
        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
    }

    @Test
    void aClientSwitchesTheAuthenticatorAppOnAndOffOnTheAccountPage() {
        navigate(LoginView.class);
        test(find(LoginForm.class).single()).login(DemoAccountProperties.CLIENT_EMAIL, "spiegel-demo-client");
        navigate(AccountView.class);
        assertThat(find(Paragraph.class).withId("account-totp-status").single().getText()).contains("staat uit");

        test(find(Button.class).withId("account-totp-enable").single()).click();
        byte[] secret = Base32.decode(find(Span.class).withId("totp-secret").single().getText());
        test(find(TextField.class).withId("totp-code").single()).setValue(
                Totp.code(secret, clock.instant().plusSeconds(600)));
        test(find(Button.class).withId("account-totp-confirm").single()).click();
        assertThat(find(TextField.class).withId("totp-code").single().getErrorMessage())
                .isEqualTo("Deze code klopt niet. Vul de code in die de app nu laat zien.");
        test(find(TextField.class).withId("totp-code").single()).setValue(Totp.code(secret, clock.instant()));
        test(find(Button.class).withId("account-totp-confirm").single()).click();
        assertThat(find(Paragraph.class).withId("account-totp-status").single().getText()).contains("staat aan");

        clock.advance(Duration.ofSeconds(30));
        test(find(TextField.class).withId("totp-code").single()).setValue(Totp.code(secret, clock.instant()));
        test(find(Button.class).withId("account-totp-disable").single()).click();
        assertThat(find(Paragraph.class).withId("account-totp-status").single().getText()).contains("staat uit");
    }

    @Test
    void aResetLinkFromTheMailWorksOnceOnThePage() throws Exception {
        String email = "reset-" + UUID.randomUUID() + "@example.org";
        navigate(RegisterView.class);
        test(find(EmailField.class).withId("register-email").single()).setValue(email);
        test(find(PasswordField.class).withId("register-password").single()).setValue(PASSWORD);
        test(find(PasswordField.class).withId("register-repeat").single()).setValue(PASSWORD);
        test(find(Button.class).withId("register-submit").single()).click();
        withToken(VerifyEmailView.class, token());
        mail.purgeEmailFromAllMailboxes();

        navigate(ForgotPasswordView.class);
        test(find(EmailField.class).withId("forgot-email").single()).setValue(email);
        test(find(Button.class).withId("forgot-submit").single()).click();
        assertThat(find(Paragraph.class).withId("forgot-done").single().getText()).contains("30 minuten");
        String token = token();

        withToken(ResetPasswordView.class, token);
        test(find(PasswordField.class).withId("reset-password").single()).setValue("de zon schijnt vandaag fel");
        test(find(PasswordField.class).withId("reset-repeat").single()).setValue("de zon schijnt vandaag fel");
        test(find(Button.class).withId("reset-submit").single()).click();
        assertThat(find(Paragraph.class).withId("reset-done").exists()).isTrue();

        withToken(ResetPasswordView.class, token);
        assertThat(find(Paragraph.class).withId("reset-invalid").exists()).as("second use").isTrue();
        assertThat(find(PasswordField.class).withId("reset-password").exists()).isFalse();
    }

    /** Opens a page the way the link in a mail does: with {@code ?token=...}. */
    private void withToken(Class<? extends com.vaadin.flow.component.Component> view, String token) {
        UI.getCurrent().navigate(view, com.vaadin.flow.router.QueryParameters.of("token", token));
        assertThat(getCurrentView()).isInstanceOf(view);
    }

    private static String token() throws Exception {
        assertThat(mail.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage[] messages = mail.getReceivedMessages();
        Matcher matcher = TOKEN.matcher(messages[messages.length - 1].getContent().toString());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
