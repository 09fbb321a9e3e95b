package nl.spiegel.review.ui;

import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import nl.spiegel.identity.CurrentStaff;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.UserId;
import nl.spiegel.review.ExpertDirectory;
import nl.spiegel.review.InboxItem;
import nl.spiegel.review.InviteCode;
import nl.spiegel.review.ReviewBroadcaster;
import nl.spiegel.review.ReviewNoticeService;
import nl.spiegel.review.ReviewService;
import nl.spiegel.risk.RiskLevel;
import nl.spiegel.shared.i18n.Moments;
import nl.spiegel.shared.ui.StaffLayout;

/**
 * The therapist's inbox of dialogues people shared with them, newest first, with an unread marker, and where they
 * make an invite code for a client. Access: the THERAPIST role here and again in {@link ReviewService}, which only
 * lists shares naming this therapist in their own organisation.
 */
@Route(value = "therapist/reviews", layout = StaffLayout.class)
@RolesAllowed("THERAPIST")
public class ReviewInboxView extends Div implements HasDynamicTitle {

    private final ReviewService reviews;
    private final UserId me;
    private final Div invite = new Div();
    private final Div inbox = new Div();
    private InboxFilters filters;

    public ReviewInboxView(ReviewService reviews, ReviewNoticeService notices, ExpertDirectory directory,
                           ReviewBroadcaster broadcaster, CurrentStaff currentStaff) {
        this.reviews = reviews;
        this.me = currentStaff.get().map(StaffMember::userId).orElseThrow();
        // the inbox itself shows what is new, so the header's notice can go
        notices.markReadByTherapist(me);
        LiveShares.follow(this, broadcaster, me, event -> showInbox());
        addClassNames("sp-page", "sp-review-inbox");
        add(new H1(getTranslation("review.inbox.title")));

        Button newInvite = new Button(getTranslation("review.invite.new"), click -> makeInvite());
        newInvite.setId("new-invite");
        invite.setId("invite");
        invite.addClassName("sp-invite");
        add(new Paragraph(getTranslation("review.invite.intro")), newInvite, invite);

        add(new ShareRequestList(directory, me, this::showInbox));
        add(new H2(getTranslation("review.inbox.shared")));
        filters = new InboxFilters(this::showInbox);
        inbox.setId("review-inbox-area");
        add(filters, inbox);
        showInbox();
    }

    private void showInbox() {
        inbox.removeAll();
        List<InboxItem> all = reviews.inbox(me, getLocale());
        filters.offer(all);
        // titles and summaries only: never the free text of the dialogues
        List<InboxItem> items = reviews.inbox(me, getLocale(), filters.value());
        if (items.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation(all.isEmpty() ? "review.inbox.empty"
                    : "review.inbox.no-match"));
            empty.setId("review-inbox-empty");
            inbox.add(empty);
            return;
        }
        UnorderedList list = new UnorderedList();
        list.setId("review-inbox");
        list.addClassName("sp-card-list");
        Locale locale = getLocale();
        for (InboxItem item : items) {
            list.add(entry(item, locale));
        }
        inbox.add(list);
    }

    private ListItem entry(InboxItem item, Locale locale) {
        ListItem entry = new ListItem();
        entry.addClassNames("sp-card", "sp-inbox-item");
        if (item.unread()) {
            Span unread = new Span(getTranslation("review.inbox.unread"));
            unread.addClassName("sp-unread");
            entry.addClassName("sp-inbox-unread");
            entry.add(unread);
        }
        entry.add(new H2(item.dialogueTitle()));
        if (item.risk().isAtLeast(RiskLevel.CONCERN)) {
            Span risk = new Span(getTranslation("review.inbox.risk." + item.risk().code()));
            risk.addClassNames("sp-risk-flag", "sp-inbox-risk");
            entry.add(risk);
        }
        if (item.fromNowOn()) {
            Span standing = new Span(getTranslation("review.inbox.from-now-on"));
            standing.addClassName("sp-inbox-standing");
            entry.add(standing);
        }
        entry.add(new Paragraph(getTranslation("review.inbox.from", item.person(),
                Moments.dateTime(item.sharedAt(), locale))));
        if (item.endsAt() != null) {
            entry.add(new Paragraph(getTranslation("review.inbox.until", Moments.date(item.endsAt(), locale))));
        }
        Button open = new Button(getTranslation("review.inbox.open"),
                click -> UI.getCurrent().navigate(ReviewTranscriptView.class, item.share().toString()));
        open.addClassName("sp-open-share");
        open.setAriaLabel(getTranslation("review.inbox.open") + ": " + item.dialogueTitle());
        entry.add(open);
        return entry;
    }

    private void makeInvite() {
        InviteCode code = reviews.createInvite(me);
        invite.removeAll();
        Span shown = new Span(code.code());
        shown.setId("invite-code-shown");
        shown.addClassName("sp-invite-code");
        invite.add(new Paragraph(getTranslation("review.invite.give")), shown,
                new Paragraph(getTranslation("review.invite.valid", Moments.dateTime(code.expiresAt(),
                        getLocale()))));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("review.inbox.title") + " · " + getTranslation("app.name");
    }
}
