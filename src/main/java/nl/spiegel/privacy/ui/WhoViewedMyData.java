package nl.spiegel.privacy.ui;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

import nl.spiegel.audit.Actor;
import nl.spiegel.audit.SubjectAccess;
import nl.spiegel.shared.i18n.Moments;

/** "Who viewed my data?": the audit trail entries about this person, in plain words. */
class WhoViewedMyData extends Div {

    WhoViewedMyData(List<SubjectAccess> entries, Locale locale) {
        setId("mydata-who-viewed");
        addClassNames("sp-privacy-section", "sp-audit-mine");
        add(new H2(getTranslation("mydata.who.title")), new Paragraph(getTranslation("mydata.who.intro")));
        if (entries.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("mydata.who.none"));
            none.setId("who-viewed-none");
            add(none);
            return;
        }
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale)
                .withZone(Moments.ZONE);
        UnorderedList list = new UnorderedList();
        list.setId("who-viewed-list");
        list.addClassName("sp-audit-mine-list");
        for (SubjectAccess entry : entries) {
            Span when = new Span(format.format(entry.at()));
            when.addClassName("sp-meta");
            ListItem item = new ListItem(when, new Span(" " + getTranslation("mydata.who.entry", who(entry),
                    getTranslation("audit.action." + entry.action().name()),
                    getTranslation("audit.record." + entry.recordType()))));
            item.addClassName("sp-audit-mine-entry");
            list.add(item);
        }
        add(list);
    }

    private String who(SubjectAccess entry) {
        if (entry.byYou()) {
            return getTranslation("mydata.who.you");
        }
        if (Actor.SYSTEM_ROLE.equals(entry.actorRole())) {
            return getTranslation("audit.role.SYSTEM");
        }
        String role = getTranslation("audit.role." + entry.actorRole());
        return entry.actorName() == null || entry.actorName().isBlank() ? role : role + " " + entry.actorName();
    }
}
