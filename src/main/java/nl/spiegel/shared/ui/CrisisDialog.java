package nl.spiegel.shared.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

/**
 * Crisis contacts for the Netherlands, reachable from every screen. Phone numbers are tap-to-call links and
 * also readable as plain text.
 */
public class CrisisDialog extends Dialog {

    public CrisisDialog() {
        setHeaderTitle(getTranslation("crisis.title"));
        setId("crisis-dialog");
        getElement().setAttribute("aria-label", getTranslation("crisis.title"));
        addClassName("sp-crisis");

        Div body = new Div();
        body.add(new Paragraph(getTranslation("crisis.intro")));
        UnorderedList contacts = new UnorderedList(
                contact("crisis.113.title", "crisis.113.text",
                        new Anchor("tel:113", "113"), new Anchor("tel:08000113", "0800-0113"),
                        new Anchor("https://www.113.nl", "113.nl")),
                contact("crisis.112.title", "crisis.112.text", new Anchor("tel:112", "112")),
                contact("crisis.gp.title", "crisis.gp.text"),
                contact("crisis.veilig-thuis.title", "crisis.veilig-thuis.text",
                        new Anchor("tel:08002000", "0800-2000")));
        contacts.addClassName("sp-crisis-contacts");
        body.add(contacts);
        add(body);

        Button close = new Button(getTranslation("crisis.close"), click -> close());
        close.setId("crisis-close");
        getFooter().add(close);
    }

    private ListItem contact(String titleKey, String textKey, Anchor... links) {
        ListItem item = new ListItem();
        item.add(new H3(getTranslation(titleKey)), new Paragraph(getTranslation(textKey)));
        if (links.length > 0) {
            Div row = new Div();
            row.addClassName("sp-crisis-links");
            for (Anchor link : links) {
                if (link.getHref().startsWith("http")) {
                    link.setTarget("_blank");
                    link.getElement().setAttribute("rel", "noopener noreferrer");
                }
                link.addClassName("sp-call-link");
                row.add(link, new Span(" "));
            }
            item.add(row);
        }
        return item;
    }
}
