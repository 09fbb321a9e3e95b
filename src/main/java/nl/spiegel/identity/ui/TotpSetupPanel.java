package nl.spiegel.identity.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

import nl.spiegel.identity.TotpSetup;

/** How to add Spiegel to an authenticator app: the steps, the secret as text and the otpauth:// link. */
class TotpSetupPanel extends Div {

    TotpSetupPanel(TotpSetup setup) {
        setId("totp-setup");
        OrderedList steps = new OrderedList(
                new ListItem(getTranslation("totp.setup.step-app")),
                new ListItem(getTranslation("totp.setup.step-secret")),
                new ListItem(getTranslation("totp.setup.step-code")));
        Span secret = new Span(setup.secret());
        secret.setId("totp-secret");
        secret.getElement().setAttribute("translate", "no");
        secret.getStyle().set("font-family", "monospace").set("font-size", "1.2rem").set("letter-spacing", "0.05em");
        Paragraph secretLine = new Paragraph(new Span(getTranslation("totp.setup.secret-label") + " "), secret);
        Anchor link = new Anchor();
        link.setText(getTranslation("totp.setup.link"));
        // otpauth: is not a web scheme, but this link is made by Spiegel itself, never from input
        link.setUnsafeHref(setup.otpauthUri());
        link.setId("totp-uri");
        Paragraph linkLine = new Paragraph(link);
        linkLine.addClassName("sp-note");
        Paragraph uriText = new Paragraph(setup.otpauthUri());
        uriText.addClassName("sp-note");
        uriText.getStyle().set("word-break", "break-all");
        add(steps, secretLine, linkLine, uriText);
    }
}
