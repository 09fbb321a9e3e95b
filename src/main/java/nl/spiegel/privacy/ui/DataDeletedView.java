package nl.spiegel.privacy.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * Shown after a deletion. Deliberately asks nobody who they are: looking up the visitor here would start a new
 * pseudonymous user for a browser that just left.
 */
@Route(DataDeletedView.ROUTE)
@AnonymousAllowed
public class DataDeletedView extends Div implements HasDynamicTitle {

    static final String ROUTE = "my-data/deleted";

    public DataDeletedView() {
        addClassNames("sp-page", "sp-privacy", "sp-privacy-deleted");
        H1 title = new H1(getTranslation("mydata.deleted.title"));
        title.setId("deleted-title");
        Anchor start = new Anchor("", getTranslation("mydata.deleted.start"));
        add(title, new Paragraph(getTranslation("mydata.deleted.text")), new Paragraph(start));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("mydata.deleted.title") + " · " + getTranslation("app.name");
    }
}
