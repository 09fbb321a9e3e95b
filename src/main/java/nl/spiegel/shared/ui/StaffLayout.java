package nl.spiegel.shared.ui;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.beans.factory.ObjectProvider;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.RouterLayout;

import nl.spiegel.escalation.ui.HelpDialogs;

/**
 * The frame around staff pages: the name and what this is, no client menus or footer (they would only distract and
 * read as if the therapist were a visitor). The help button stays, as on every screen.
 */
@RolesAllowed("THERAPIST")
public class StaffLayout extends Div implements RouterLayout, AfterNavigationObserver {

    private final Main content = new Main();
    private final Div noticeLinks = new Div();
    private final ObjectProvider<HeaderNotices> notices;

    public StaffLayout(HelpDialogs helpDialogs, ObjectProvider<HeaderNotices> notices) {
        this.notices = notices;
        addClassNames("sp-shell", "sp-staff-shell");
        Anchor brand = new Anchor("therapist", getTranslation("app.name"));
        brand.addClassName("sp-brand");
        Span role = new Span(getTranslation("staff.layout.label"));
        role.addClassName("sp-staff-label");

        Button help = new Button(getTranslation("help.button"),
                click -> helpDialogs.create().open());
        help.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        help.setId("help-button");

        // by path: the workspaces live in feature modules that depend on this one
        Anchor live = new Anchor("therapist", getTranslation("staff.nav.live"));
        live.setId("nav-live");
        Anchor reviews = new Anchor("therapist/reviews", getTranslation("staff.nav.reviews"));
        reviews.setId("nav-reviews");
        Anchor profile = new Anchor("therapist/profile", getTranslation("staff.nav.profile"));
        profile.setId("nav-profile");
        Nav nav = new Nav(live, reviews, profile);
        nav.addClassName("sp-staff-nav");
        nav.getElement().setAttribute("aria-label", getTranslation("staff.nav.label"));

        noticeLinks.addClassName("sp-account-links");
        Header header = new Header(brand, role, nav, noticeLinks, help);
        header.addClassNames("sp-header", "sp-staff-header");
        content.addClassName("sp-content");
        content.addClassName("sp-staff-content");
        content.setId("main");
        add(header, content);
    }

    @Override
    public void showRouterLayoutContent(HasElement child) {
        content.removeAll();
        if (child != null) {
            content.getElement().appendChild(child.getElement());
        }
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        noticeLinks.removeAll();
        NoticeLinks.addTo(noticeLinks, notices);
    }
}
