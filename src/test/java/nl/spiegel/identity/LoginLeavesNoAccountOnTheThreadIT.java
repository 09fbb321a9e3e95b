package nl.spiegel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.browserless.SpringBrowserlessTest;

import nl.spiegel.SpiegelIntegrationTest;

/**
 * A login handled in a Vaadin request outside the security filters (a Push message over the WebSocket) must not leave
 * the account on the server thread: Vaadin's holder strategy falls back to the thread when a session has no login of
 * its own, so the next browser served by that thread would act as the account.
 */
@SpiegelIntegrationTest
class LoginLeavesNoAccountOnTheThreadIT extends SpringBrowserlessTest {

    @Autowired
    LoginService logins;
    @Autowired
    AccountSessions sessions;
    @Autowired
    CurrentVisitor currentVisitor;

    @AfterEach
    void nothingLeftForOtherTests() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theNextSessionOnTheSameThreadIsStillAnonymous() {
        AnonymousBrowserlessVisitor.start();
        Visitor anonymous = currentVisitor.get();
        LoginResult result = logins.logIn(DemoAccountProperties.CLIENT_EMAIL, "spiegel-demo-client",
                "203.0.113." + ThreadLocalRandom.current().nextInt(1, 250));
        AuthenticatedAccount account = ((LoginResult.LoggedIn) result).account();
        // another browser's session logs in while this thread serves a Vaadin request
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
        request.setSession(new MockHttpSession());

        sessions.logIn(account, request, new MockHttpServletResponse());

        // the current Vaadin session never logged in
        assertThat(currentVisitor.isLoggedIn()).isFalse();
        assertThat(currentVisitor.get()).isEqualTo(anonymous);
        assertThat(currentVisitor.get().userId()).isNotEqualTo(account.userId());
    }
}
