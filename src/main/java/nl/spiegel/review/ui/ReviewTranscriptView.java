package nl.spiegel.review.ui;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;

import nl.spiegel.identity.CurrentStaff;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.UserId;
import nl.spiegel.review.Comment;
import nl.spiegel.review.CommentTooLongException;
import nl.spiegel.review.ReviewAssignmentService;
import nl.spiegel.review.ReviewBroadcaster;
import nl.spiegel.review.ReviewService;
import nl.spiegel.review.ShareChanged;
import nl.spiegel.review.ShareAccessDeniedException;
import nl.spiegel.review.ShareId;
import nl.spiegel.review.SharedReading;
import nl.spiegel.shared.i18n.Moments;
import nl.spiegel.shared.ui.StaffLayout;

/**
 * One shared dialogue for the therapist: the whole conversation with risk flags in words, feedback to the person and
 * private notes. Every open is a read on the audit trail ({@link ReviewService#read}); once the person revokes the
 * share, the transcript closes at once (Push), and any action here is refused by the service.
 */
@Route(value = "therapist/review", layout = StaffLayout.class)
@RolesAllowed("THERAPIST")
public class ReviewTranscriptView extends Div implements HasUrlParameter<String>, HasDynamicTitle {

    private final ReviewService reviews;
    private final ReviewAssignmentService assignments;
    private final UserId me;
    private ShareId share;
    private String title = "";

    public ReviewTranscriptView(ReviewService reviews, ReviewAssignmentService assignments,
                                ReviewBroadcaster broadcaster, CurrentStaff currentStaff) {
        this.reviews = reviews;
        this.assignments = assignments;
        this.me = currentStaff.get().map(StaffMember::userId).orElseThrow();
        LiveShares.follow(this, broadcaster, me, event -> {
            if (event.kind() == ShareChanged.Kind.REVOKED && event.share().equals(share)) {
                showGone();
            }
        });
        addClassNames("sp-page", "sp-review-transcript");
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        try {
            share = ShareId.parse(parameter);
        } catch (IllegalArgumentException notAnId) {
            showGone();
            return;
        }
        reload();
    }

    private void reload() {
        SharedReading reading;
        try {
            reading = reviews.read(me, share, getLocale());
        } catch (ShareAccessDeniedException refused) {
            showGone();
            return;
        }
        removeAll();
        Locale locale = getLocale();
        title = reading.transcript().title();
        Button back = new Button(getTranslation("review.back"), click -> UI.getCurrent()
                .navigate(ReviewInboxView.class));
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        H1 heading = new H1(title);
        heading.setId("review-title");
        add(back, heading, new Paragraph(getTranslation("review.inbox.from", reading.person(),
                Moments.dateTime(reading.share().createdAt(), locale))));

        Div flags = new Div();
        flags.setId("risk-flags");
        flags.addClassName("sp-risk-flags");
        if (reading.transcript().risksBySeq().isEmpty()) {
            flags.add(new Paragraph(getTranslation("review.risk.none")));
        } else {
            flags.add(new Paragraph(getTranslation("review.risk.some")));
            reading.transcript().risksBySeq().values().stream().map(rules -> RiskWords.describe(this, rules))
                    .distinct().forEach(words -> {
                        Span flag = new Span(words);
                        flag.addClassName("sp-risk-flag");
                        flags.add(flag);
                    });
        }
        add(flags);
        if (reading.screening() != null) {
            add(new ScreeningAnswers(reading.screening()));
        }
        // by route name: the progress module depends on this one and checks the same share before it shows anything
        Anchor progress = new Anchor("therapist/progress/" + share, getTranslation("review.progress.link"));
        progress.setId("review-progress-link");
        add(progress);

        TranscriptList transcript = new TranscriptList(reading.transcript().lines(),
                reading.transcript().risksBySeq(), reading.riskSpans());
        transcript.setId("transcript");
        add(new H2(getTranslation("review.transcript.title")), transcript);

        add(commentSection("feedback", getTranslation("review.feedback.title"),
                getTranslation("review.feedback.help"), getTranslation("review.feedback.send"), reading.feedback(),
                text -> reviews.addFeedback(me, share, text)));
        add(new AssignmentSection(assignments, me, share, this::showGone));
        add(commentSection("note", getTranslation("review.notes.title"), getTranslation("review.notes.help"),
                getTranslation("review.notes.save"), reading.notes(), text -> reviews.addNote(me, share, text)));
    }

    private Div commentSection(String id, String heading, String help, String action, List<Comment> comments,
                               Function<String, Comment> write) {
        Div section = new Div(new H2(heading));
        section.setId(id + "-section");
        section.addClassName("sp-review-comments");
        Div list = new Div();
        list.setId(id + "-list");
        comments.forEach(comment -> list.add(comment(comment)));
        TextArea text = new TextArea();
        text.setId(id + "-text");
        text.setLabel(heading);
        text.setHelperText(help);
        Button send = new Button(action, click -> {
            try {
                write.apply(text.getValue());
            } catch (CommentTooLongException tooLong) {
                // the text stays in the field so nothing is lost
                text.setInvalid(true);
                text.setErrorMessage(getTranslation("review.comment.too-long", tooLong.limit()));
                return;
            } catch (IllegalArgumentException empty) {
                text.setInvalid(true);
                text.setErrorMessage(getTranslation("review.comment.empty"));
                return;
            } catch (ShareAccessDeniedException revoked) {
                showGone();
                return;
            }
            Notification.show(getTranslation("review.comment.saved"));
            reload();
        });
        send.setId(id + "-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        section.add(list, text, send);
        return section;
    }

    private Div comment(Comment comment) {
        Div item = new Div(new Span(getTranslation("review.comment.by", comment.authorName(),
                Moments.dateTime(comment.at(), getLocale()))), new Paragraph(comment.text()));
        item.addClassName("sp-review-comment");
        return item;
    }

    /** The share is gone (revoked, ended, never ours): nothing of the dialogue stays on screen. */
    private void showGone() {
        removeAll();
        title = "";
        Paragraph gone = new Paragraph(getTranslation("review.gone"));
        gone.setId("share-gone");
        Button back = new Button(getTranslation("review.back"), click -> UI.getCurrent()
                .navigate(ReviewInboxView.class));
        add(new H1(getTranslation("review.gone.title")), gone, back);
    }

    @Override
    public String getPageTitle() {
        return (title.isEmpty() ? getTranslation("review.inbox.title") : title) + " · "
                + getTranslation("app.name");
    }
}
