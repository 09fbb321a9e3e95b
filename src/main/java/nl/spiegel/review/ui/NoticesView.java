package nl.spiegel.review.ui;

import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.PermitAll;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import nl.spiegel.identity.CurrentVisitor;
import nl.spiegel.identity.Visitor;
import nl.spiegel.review.ReviewNotice;
import nl.spiegel.review.ReviewNoticeService;
import nl.spiegel.shared.i18n.Moments;

/**
 * The person's notices: which therapist responded to which shared dialogue, each with a link to it. Opening the
 * page marks them read. The texts come from ids; no one's words are in a notice.
 */
@Route("notifications")
@PermitAll
public class NoticesView extends Div implements HasDynamicTitle {

    public NoticesView(ReviewNoticeService notices, CurrentVisitor currentVisitor) {
        addClassNames("sp-page", "sp-notices");
        add(new H1(getTranslation("review.notice.title")));
        Visitor me = currentVisitor.get();
        Locale locale = getLocale();
        List<ReviewNotice> all = notices.noticesOf(me, locale);
        if (all.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("review.notice.none"));
            none.setId("notices-empty");
            add(none);
            return;
        }
        UnorderedList list = new UnorderedList();
        list.setId("notices");
        list.addClassName("sp-card-list");
        for (ReviewNotice notice : all) {
            ListItem item = new ListItem();
            item.addClassNames("sp-card", "sp-notice");
            if (notice.unread()) {
                Span unread = new Span(getTranslation("review.inbox.unread"));
                unread.addClassName("sp-unread");
                item.add(unread);
            }
            item.add(new Paragraph(getTranslation("review.notice." + notice.kind().name().toLowerCase(Locale.ROOT),
                    notice.from(), notice.dialogueTitle(), Moments.dateTime(notice.at(), locale))));
            Anchor open = new Anchor("dialogue/" + notice.session(), getTranslation("review.notice.open"));
            open.getElement().setAttribute("router-link", true);
            open.addClassName("sp-notice-open");
            item.add(open);
            list.add(item);
        }
        add(list);
        notices.markRead(me);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("review.notice.title") + " · " + getTranslation("app.name");
    }
}
