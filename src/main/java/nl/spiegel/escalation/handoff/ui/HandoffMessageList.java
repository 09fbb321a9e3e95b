package nl.spiegel.escalation.handoff.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

import nl.spiegel.escalation.handoff.Author;
import nl.spiegel.escalation.handoff.HandoffMessage;

/**
 * The live chat between a person and a therapist, seen from one side: own messages on the right. New messages are
 * appended (never the whole list re-rendered), so a screen reader announces only what is new.
 */
class HandoffMessageList extends Div {

    // the product serves the Netherlands first; the browser's zone is not known on the server
    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZONE);

    private final Author self;
    private String otherName;
    private long shownId;

    HandoffMessageList(String id, Author self, String otherName) {
        this.self = self;
        this.otherName = otherName;
        setId(id);
        addClassName("sp-handoff-log");
        getElement().setAttribute("role", "log");
        getElement().setAttribute("aria-live", "polite");
        getElement().setAttribute("aria-label", getTranslation("handoff.log.label"));
    }

    void setOtherName(String otherName) {
        this.otherName = otherName;
    }

    /** Adds the messages not shown yet; the list may contain ones already shown. */
    void show(List<HandoffMessage> messages) {
        Div last = null;
        for (HandoffMessage message : messages) {
            if (message.id() <= shownId) {
                continue;
            }
            last = bubble(message);
            add(last);
            shownId = message.id();
        }
        if (last != null) {
            last.getElement().callJsFunction("scrollIntoView", false);
        }
    }

    void clear() {
        removeAll();
        shownId = 0;
    }

    boolean isEmpty() {
        return getChildren().findAny().isEmpty();
    }

    private Div bubble(HandoffMessage message) {
        boolean mine = message.author() == self;
        Span who = new Span((mine ? getTranslation("handoff.log.you") : otherName) + " · " + TIME.format(message.at()));
        who.addClassName("sp-handoff-who");
        Paragraph text = new Paragraph(message.text());
        text.addClassName("sp-bubble-text");
        Div bubble = new Div(who, text);
        bubble.addClassNames("sp-bubble", "sp-handoff-message", mine ? "sp-bubble-user" : "sp-bubble-bot");
        bubble.getElement().setAttribute("data-author", message.author().name());
        return bubble;
    }
}
