package nl.spiegel.privacy.ui;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.streams.DownloadHandler;

import nl.spiegel.audit.AuditTrail;
import nl.spiegel.identity.CurrentVisitor;
import nl.spiegel.identity.Visitor;
import nl.spiegel.privacy.PersonalDataService;
import nl.spiegel.shared.ui.TabStorage;

/**
 * "My data": download everything Spiegel holds about you (JSON and a readable page), see who viewed your data, and
 * delete all of it. Open to anonymous visitors: they have data too.
 */
@Route("my-data")
@AnonymousAllowed
public class MyDataView extends Div implements HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(MyDataView.class);

    private final PersonalDataService personalData;
    private final Visitor visitor;

    public MyDataView(PersonalDataService personalData, AuditTrail audit, CurrentVisitor currentVisitor) {
        this.personalData = personalData;
        // resolved now: a download runs in a request of its own, where the visitor cannot be looked up safely
        this.visitor = currentVisitor.get();
        Locale locale = getLocale();
        addClassNames("sp-page", "sp-privacy", "sp-privacy-mydata");

        H1 title = new H1(getTranslation("mydata.title"));
        Paragraph lead = new Paragraph(getTranslation("mydata.lead"));
        lead.addClassName("sp-lead");
        RouterLink privacy = new RouterLink(getTranslation("mydata.privacy-link"), PrivacyView.class);
        privacy.setId("privacy-link");
        add(title, lead, new Paragraph(privacy));

        add(section("mydata-download", "mydata.download.title",
                new Paragraph(getTranslation("mydata.download.intro")),
                downloads(locale)));

        add(new WhoViewedMyData(audit.aboutMe(visitor), locale));

        if (personalData.mayDeleteThemselves(visitor)) {
            Button delete = new Button(getTranslation("mydata.delete.button"),
                    click -> new DeleteDataDialog(this::delete).open());
            delete.setId("delete-data");
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            add(section("mydata-delete", "mydata.delete.title",
                    new Paragraph(getTranslation("mydata.delete.intro")), delete));
        } else {
            add(section("mydata-delete", "mydata.delete.title",
                    new Paragraph(getTranslation("mydata.delete.staff"))));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("mydata.title") + " · " + getTranslation("app.name");
    }

    private Div downloads(Locale locale) {
        // the download runs in a request of its own: everything it needs is taken from the page now
        String fileName = "spiegel-" + getTranslation("mydata.download.filename");
        DownloadHandler json = event -> {
            event.setFileName(fileName + ".json");
            event.setContentType("application/json; charset=utf-8");
            personalData.exportJson(visitor, locale, event.getOutputStream());
        };
        DownloadHandler html = event -> {
            event.setFileName(fileName + ".html");
            event.setContentType("text/html; charset=utf-8");
            personalData.exportHtml(visitor, locale, event.getOutputStream());
        };
        Anchor jsonLink = new Anchor(json, AttachmentType.DOWNLOAD, getTranslation("mydata.download.json"));
        jsonLink.setId("download-json");
        Anchor htmlLink = new Anchor(html, AttachmentType.DOWNLOAD, getTranslation("mydata.download.html"));
        htmlLink.setId("download-html");
        jsonLink.addClassName("sp-privacy-download");
        htmlLink.addClassName("sp-privacy-download");
        Div links = new Div(htmlLink, jsonLink);
        links.addClassName("sp-privacy-downloads");
        return links;
    }

    private void delete() {
        try {
            personalData.deleteEverything(visitor);
        } catch (DataAccessException | IllegalStateException e) {
            log.warn("personal data of user {} not deleted: {}", visitor.userId(), e.getClass().getSimpleName());
            Notification.show(getTranslation("mydata.delete.failed"), 8000, Notification.Position.MIDDLE);
            return;
        }
        TabStorage.forgetAll(UI.getCurrent());
        UI.getCurrent().getPage().setLocation(DataDeletedView.ROUTE);
        SessionEnd.forgetVisitor();
    }

    private Div section(String id, String titleKey, com.vaadin.flow.component.Component... content) {
        Div section = new Div(new H2(getTranslation(titleKey)));
        section.add(content);
        section.setId(id);
        section.addClassName("sp-privacy-section");
        return section;
    }
}
