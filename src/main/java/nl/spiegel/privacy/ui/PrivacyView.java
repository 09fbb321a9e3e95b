package nl.spiegel.privacy.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import nl.spiegel.privacy.RetentionProperties;

/**
 * The privacy statement in plain words (B1): what is stored, how it is protected, who can see it, how long it is
 * kept, how to download or delete it, and where to complain. The retention period is the configured one.
 */
@Route("privacy")
@AnonymousAllowed
public class PrivacyView extends Div implements HasDynamicTitle {

    static final String AUTHORITY_URL = "https://www.autoriteitpersoonsgegevens.nl";

    public PrivacyView(RetentionProperties retention) {
        addClassNames("sp-page", "sp-privacy", "sp-privacy-statement");
        H1 title = new H1(getTranslation("privacy.title"));
        title.setId("privacy-title");
        Paragraph lead = new Paragraph(getTranslation("privacy.lead"));
        lead.addClassName("sp-lead");
        add(title, lead);

        add(section("privacy-what", "privacy.what.title", new Paragraph(getTranslation("privacy.what.intro")),
                list("privacy.what.answers", "privacy.what.messages", "privacy.what.exercises",
                        "privacy.what.safety-plan", "privacy.what.screening", "privacy.what.handoff",
                        "privacy.what.account", "privacy.what.logins", "privacy.what.audit",
                        "privacy.what.cookie", "privacy.what.draft"),
                new Paragraph(getTranslation("privacy.what.not"))));
        add(section("privacy-protect", "privacy.protect.title",
                new Paragraph(getTranslation("privacy.protect.text"))));
        add(section("privacy-who", "privacy.who.title", new Paragraph(getTranslation("privacy.who.nobody")),
                new Paragraph(getTranslation("privacy.who.crisis")),
                new Paragraph(getTranslation("privacy.who.sharing")),
                new Paragraph(getTranslation("privacy.who.audit"))));
        add(section("privacy-how-long", "privacy.how-long.title",
                new Paragraph(getTranslation("privacy.how-long.anonymous", retention.anonymousInactiveDays())),
                new Paragraph(getTranslation("privacy.how-long.account")),
                new Paragraph(getTranslation("privacy.how-long.audit"))));
        RouterLink myData = new RouterLink(getTranslation("privacy.rights.link"), MyDataView.class);
        myData.setId("privacy-my-data-link");
        add(section("privacy-rights", "privacy.rights.title", new Paragraph(getTranslation("privacy.rights.text")),
                new Paragraph(myData)));
        Anchor authority = new Anchor(AUTHORITY_URL, getTranslation("privacy.contact.authority"),
                AnchorTarget.BLANK);
        authority.getElement().setAttribute("rel", "noopener noreferrer");
        authority.setId("privacy-authority-link");
        add(section("privacy-contact", "privacy.contact.title",
                new Paragraph(getTranslation("privacy.contact.text")),
                new Paragraph(getTranslation("privacy.contact.complaint")), new Paragraph(authority)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("privacy.title") + " · " + getTranslation("app.name");
    }

    private Div section(String id, String titleKey, Component... content) {
        Div section = new Div(new H2(getTranslation(titleKey)));
        section.add(content);
        section.setId(id);
        section.addClassName("sp-privacy-section");
        return section;
    }

    private UnorderedList list(String... keys) {
        UnorderedList list = new UnorderedList();
        list.addClassName("sp-privacy-list");
        for (String key : keys) {
            list.add(new ListItem(getTranslation(key)));
        }
        return list;
    }
}
