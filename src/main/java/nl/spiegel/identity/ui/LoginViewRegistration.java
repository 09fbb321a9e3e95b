package nl.spiegel.identity.ui;

import org.springframework.stereotype.Component;

import com.vaadin.flow.server.auth.NavigationAccessControl;

/**
 * Tells Vaadin's access control which screen is the login, so a page that needs an account sends people there. Lives
 * with the screens: the security configuration ({@code identity.internal}) knows no screens.
 */
@Component
class LoginViewRegistration {

    LoginViewRegistration(NavigationAccessControl access) {
        access.setLoginView(LoginView.class);
    }
}
