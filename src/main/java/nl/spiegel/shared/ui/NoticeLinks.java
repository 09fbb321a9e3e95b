package nl.spiegel.shared.ui;

import org.springframework.beans.factory.ObjectProvider;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;

/** Adds a header link for every {@link HeaderNotices} bean that has something new right now. */
final class NoticeLinks {

    private NoticeLinks() {
    }

    static void addTo(Div target, ObjectProvider<HeaderNotices> notices) {
        notices.orderedStream().map(HeaderNotices::current).flatMap(java.util.Optional::stream).forEach(notice -> {
            Anchor link = new Anchor(notice.path(), target.getTranslation(notice.textKey(), notice.count()));
            link.getElement().setAttribute("router-link", true);
            link.setId(notice.id());
            link.addClassName("sp-notice-link");
            target.add(link);
        });
    }
}
