package nl.spiegel.review.ui;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;

import nl.spiegel.identity.CurrentVisitor;
import nl.spiegel.review.ReviewService;
import nl.spiegel.review.ShareAccessDeniedException;
import nl.spiegel.review.StandingShare;
import nl.spiegel.shared.i18n.Moments;

/**
 * The person's "everything from now on" shares, each with a button to stop it at once; hidden while there are none.
 */
class StandingShareList extends Div {

    private final ReviewService reviews;
    private final CurrentVisitor currentVisitor;
    private final Clock clock;
    private final Runnable onChange;
    private final UnorderedList list = new UnorderedList();

    StandingShareList(ReviewService reviews, CurrentVisitor currentVisitor, Clock clock, Runnable onChange) {
        this.onChange = onChange;
        this.reviews = reviews;
        this.currentVisitor = currentVisitor;
        this.clock = clock;
        setId("standing-shares");
        list.setId("standing-list");
        list.addClassName("sp-card-list");
        add(new H2(getTranslation("share.standing.title")), new Paragraph(getTranslation("share.standing.intro")),
                list);
        refresh();
    }

    void refresh() {
        list.removeAll();
        List<StandingShare> all = reviews.standingSharesOf(currentVisitor.get());
        setVisible(!all.isEmpty());
        Locale locale = getLocale();
        Instant now = clock.instant();
        for (StandingShare share : all) {
            ListItem item = new ListItem();
            item.addClassNames("sp-card", "sp-standing-item");
            item.add(new H3(share.therapistName()));
            item.add(new Paragraph(getTranslation("share.since", Moments.date(share.createdAt(), locale))));
            String status = status(this, share.endsAt(), share.revokedAt(), share.activeAt(now), locale);
            Span statusLine = new Span(status);
            statusLine.addClassName("sp-share-status");
            item.add(statusLine);
            if (share.activeAt(now)) {
                Button revoke = new Button(getTranslation("share.standing.revoke"), click -> revoke(share));
                revoke.addClassName("sp-revoke-standing");
                revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
                revoke.setAriaLabel(getTranslation("share.standing.revoke") + ": " + share.therapistName());
                item.add(revoke);
            }
            list.add(item);
        }
    }

    /** Whether a share is open, until when, or since when it stopped, in words. */
    static String status(Component owner, Instant endsAt, Instant revokedAt, boolean active, Locale locale) {
        if (revokedAt != null) {
            return owner.getTranslation("share.status.revoked", Moments.date(revokedAt, locale));
        }
        if (!active) {
            return owner.getTranslation("share.status.ended", Moments.date(endsAt, locale));
        }
        return endsAt != null ? owner.getTranslation("share.status.until", Moments.date(endsAt, locale))
                : owner.getTranslation("share.status.open");
    }

    private void revoke(StandingShare share) {
        try {
            reviews.revokeStanding(currentVisitor.get(), share.id());
            Notification.show(getTranslation("share.standing.revoked"));
        } catch (ShareAccessDeniedException notTheirs) {
            Notification.show(getTranslation("share.revoke.failed"));
        }
        refresh();
        onChange.run();
    }
}
