package nl.spiegel.shared.ui;

import java.util.Locale;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.internal.JacksonUtils;

import org.jsoup.nodes.Entities;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.component.HasElement;

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
    private final Element menu = new Element("vaadin-button");
    private final ObjectProvider<AuthenticationContext> authentication;
    private final ObjectProvider<HeaderNotices> notices;

    public MainLayout(HelpDialogs helpDialogs,
                      ObjectProvider<AuthenticationContext> authentication, ObjectProvider<HeaderNotices> notices) {
        this.authentication = authentication;
        this.notices = notices;
        addClassName("sp-shell");

        Anchor brand = textLink("", getTranslation("app.name"));
        brand.addClassName("sp-brand");

        nav.addClassName("sp-nav");
        nav.getElement().setAttribute("aria-label", getTranslation("nav.label"));
        nav.add(link("", "nav.start"), link("my-dialogues", "nav.my-dialogues"),
                link("my-exercises", "nav.my-exercises"), link("progress", "nav.progress"),
                link("safety-plan", "nav.safety-plan"),
                link("learn", "nav.learn"), link("my-data", "mydata.nav"));

        PlainButton help = new PlainButton("help-button", getTranslation("help.button"),
                press -> helpDialogs.create().open(), "error", "primary");
        help.addClassName("sp-help-button");
        Shortcuts.addShortcutListener(this, () -> helpDialogs.create().open(), Key.KEY_H, KeyModifier.ALT);

        accountLinks.addClassName("sp-account-links");
        nav.setId("main-nav");
        header.add(brand, nav, accountLinks);
        header.getElement().appendChild(languageSelect());
        header.add(help);
        header.getElement().appendChild(menuToggle());
        header.addClassName("sp-header");

        content.addClassName("sp-content");
        content.setId("main");

        // never changes while the screen is open: one element with its markup
        Footer footer = new Footer();
        footer.getElement().setProperty("innerHTML", "<p>" + Entities.escape(getTranslation("footer.not-a-therapist"))
                + "</p><a href=\"privacy\" router-link=\"\" data-path=\"privacy\">"
                + Entities.escape(getTranslation("privacy.footer-link")) + "</a>");
        footer.addClassName("sp-footer");

        Anchor skip = textLink("#main", getTranslation("nav.skip"));
        skip.addClassName("sp-skip-link");

        add(skip, header, content, footer);
    }

    /**
     * On a narrow screen the menu folds away behind this button, so brand and help stay on one line on top. The same
     * {@code vaadin-button} a Button component gives, as a bare element with one click listener that sends nothing
     * but the click.
     */
    private Element menuToggle() {
        menu.setProperty("innerHTML", Entities.escape(getTranslation("nav.menu")));
        menu.setAttribute("id", "menu-toggle");
        menu.getClassList().add("sp-menu-toggle");
        menu.setAttribute("theme", "tertiary");
        menu.setAttribute("aria-controls", "main-nav");
        menu.addEventListener("click", click -> showMenu(!header.hasClassName("sp-menu-open")));
        showMenu(false);
        return menu;
    }

    private void showMenu(boolean open) {
        header.setClassName("sp-menu-open", open);
        menu.setAttribute("aria-expanded", String.valueOf(open));
    }

    private Anchor link(String path, String key) {
        Anchor anchor = textLink(path, getTranslation(key));
        anchor.getElement().setAttribute("router-link", true);
        anchor.getElement().setAttribute("data-path", path);
        return anchor;
    }

    /**
     * A link whose text is its (escaped) markup: one element on the server instead of the link and its text node, the
     * same DOM in the browser.
     */
    private static Anchor textLink(String href, String text) {
        Anchor anchor = new Anchor();
        anchor.setHref(href);
        anchor.getElement().setProperty("innerHTML", Entities.escape(text));
        return anchor;
    }

    /**
     * The same {@code vaadin-select} a Select component gives, fed with its {@code items} property: one element on
     * the server instead of the select, its list box and an item with a text node per language. The browser sends
     * the chosen value, which is checked against the languages offered.
     */
    private Element languageSelect() {
        Element select = new Element("vaadin-select");
        ArrayNode items = JacksonUtils.createArrayNode();
        for (Locale locale : SpiegelI18NProvider.LOCALES) {
            ObjectNode item = JacksonUtils.createObjectNode();
            item.put("label", getTranslation("language." + locale.getLanguage()));
            item.put("value", locale.getLanguage());
            items.add(item);
        }
        select.setPropertyJson("items", items);
        select.setProperty("value", SpiegelI18NProvider.supported(getLocale()).getLanguage());
        select.setProperty("accessibleName", getTranslation("language.label"));
        select.getClassList().add("sp-language");
        select.setAttribute("id", "language-select");
        select.addPropertyChangeListener("value", "value-changed", event -> {
            Locale chosen = SpiegelI18NProvider.LOCALES.stream()
                    .filter(locale -> locale.getLanguage().equals(String.valueOf(event.getValue())))
                    .findFirst().orElse(null);
            if (event.isUserOriginated() && chosen != null) {
                VaadinSession.getCurrent().setLocale(chosen);
                UI.getCurrent().setLocale(chosen);
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
