package nl.spiegel.shared.ui;

import java.util.Locale;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.html.Paragraph;

import org.springframework.beans.factory.ObjectProvider;

import com.vaadin.flow.spring.security.AuthenticationContext;

import nl.spiegel.escalation.ui.HelpDialogs;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;

/**
 * The frame around every page: name, navigation, language choice and the always-visible help button.
 */
@Layout
@AnonymousAllowed
public class MainLayout extends Div implements RouterLayout, AfterNavigationObserver {

    private final Main content = new Main();
    private final Nav nav = new Nav();
    private final Div accountLinks = new Div();
    private final Header header = new Header();
    private final Button menu = new Button();
    private final ObjectProvider<AuthenticationContext> authentication;
    private final ObjectProvider<HeaderNotices> notices;

    public MainLayout(HelpDialogs helpDialogs,
                      ObjectProvider<AuthenticationContext> authentication, ObjectProvider<HeaderNotices> notices) {
        this.authentication = authentication;
        this.notices = notices;
        addClassName("sp-shell");

        Anchor brand = new Anchor("", getTranslation("app.name"));
        brand.addClassName("sp-brand");

        nav.addClassName("sp-nav");
        nav.getElement().setAttribute("aria-label", getTranslation("nav.label"));
        nav.add(link("", "nav.start"), link("my-dialogues", "nav.my-dialogues"),
                link("my-exercises", "nav.my-exercises"), link("progress", "nav.progress"),
                link("safety-plan", "nav.safety-plan"),
                link("learn", "nav.learn"), link("my-data", "mydata.nav"));

        Button help = new Button(getTranslation("help.button"),
                click -> helpDialogs.create().open());
        help.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        help.addClassName("sp-help-button");
        help.setId("help-button");
        help.addClickShortcut(Key.KEY_H, KeyModifier.ALT);

        accountLinks.addClassName("sp-account-links");
        nav.setId("main-nav");
        header.add(brand, nav, accountLinks, languageSelect(), help, menuToggle());
        header.addClassName("sp-header");

        content.addClassName("sp-content");
        content.setId("main");

        Footer footer = new Footer(new Paragraph(getTranslation("footer.not-a-therapist")),
                link("privacy", "privacy.footer-link"));
        footer.addClassName("sp-footer");

        Anchor skip = new Anchor("#main", getTranslation("nav.skip"));
        skip.addClassName("sp-skip-link");

        add(skip, header, content, footer);
    }

    /** On a narrow screen the menu folds away behind this button, so brand and help stay on one line on top. */
    private Button menuToggle() {
        menu.setText(getTranslation("nav.menu"));
        menu.setId("menu-toggle");
        menu.addClassName("sp-menu-toggle");
        menu.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        menu.getElement().setAttribute("aria-controls", "main-nav");
        menu.addClickListener(click -> showMenu(!header.hasClassName("sp-menu-open")));
        showMenu(false);
        return menu;
    }

    private void showMenu(boolean open) {
        header.setClassName("sp-menu-open", open);
        menu.getElement().setAttribute("aria-expanded", String.valueOf(open));
    }

    private Anchor link(String path, String key) {
        Anchor anchor = new Anchor(path, getTranslation(key));
        anchor.getElement().setAttribute("router-link", true);
        anchor.getElement().setAttribute("data-path", path);
        return anchor;
    }

    private Select<Locale> languageSelect() {
        Select<Locale> select = new Select<>();
        select.setItems(SpiegelI18NProvider.LOCALES);
        select.setItemLabelGenerator(locale -> getTranslation("language." + locale.getLanguage()));
        select.setValue(SpiegelI18NProvider.supported(getLocale()));
        select.setAriaLabel(getTranslation("language.label"));
        select.addClassName("sp-language");
        select.setId("language-select");
        select.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                VaadinSession.getCurrent().setLocale(event.getValue());
                UI.getCurrent().setLocale(event.getValue());
                // simplest way to show every text, including dialogue history, in the new language
                UI.getCurrent().getPage().reload();
            }
        });
        return select;
    }

    @Override
    public void showRouterLayoutContent(HasElement child) {
        content.removeAll();
        if (child != null) {
            content.getElement().appendChild(child.getElement());
        }
    }

    /** Login and register for visitors, the account page once logged in; refreshed on every navigation. */
    private void refreshAccountLinks() {
        boolean loggedIn = authentication.stream().anyMatch(AuthenticationContext::isAuthenticated);
        accountLinks.removeAll();
        if (loggedIn) {
            accountLinks.add(link("account", "account.nav.account"));
        } else {
            accountLinks.add(link("login", "account.nav.login"), link("register", "account.nav.register"));
        }
        NoticeLinks.addTo(accountLinks, notices);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        refreshAccountLinks();
        showMenu(false);
        String path = event.getLocation().getPath();
        nav.getChildren().forEach(child -> {
            String target = child.getElement().getAttribute("data-path");
            boolean current = target != null && (target.isEmpty() ? path.isEmpty() : path.startsWith(target));
            if (current) {
                child.getElement().setAttribute("aria-current", "page");
            } else {
                child.getElement().removeAttribute("aria-current");
            }
        });
    }

}
