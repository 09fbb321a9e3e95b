package nl.spiegel.review.ui;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.dialogue.SessionId;
import nl.spiegel.dialogue.SessionNotFoundException;
import nl.spiegel.dialogue.SharedTranscript;
import nl.spiegel.identity.CurrentVisitor;
import nl.spiegel.identity.Visitor;
import nl.spiegel.review.InvalidInviteException;
import nl.spiegel.review.InvitePreview;
import nl.spiegel.review.RegistrationRequiredException;
import nl.spiegel.review.ReviewService;
import nl.spiegel.review.Share;
import nl.spiegel.review.ShareAccessDeniedException;
import nl.spiegel.review.ShareScope;
import nl.spiegel.shared.i18n.Moments;

/**
 * Sharing one dialogue with a therapist, owned by the person: the code from the therapist, a preview of exactly what
 * is shared and with whom, an optional end date, and every share of this dialogue with a button to take it back.
 * Anonymous visitors are asked to register first (they keep everything). {@link ReviewService} checks it all again.
 */
@Route("share")
@AnonymousAllowed
public class ShareDialogueView extends Div implements HasUrlParameter<String>, HasDynamicTitle {

    private final ReviewService reviews;
    private final DialogueService dialogues;
    private final CurrentVisitor currentVisitor;
    private final Clock clock;

    private final TextField code = new TextField();
    private final Span codeError = new Span();
    private final Div preview = new Div();
    private final UnorderedList shares = new UnorderedList();
    private final RadioButtonGroup<ShareScope> scope = new RadioButtonGroup<>();
    private StandingShareList standing;
    private SharedTranscript dialogue;

    public ShareDialogueView(ReviewService reviews, DialogueService dialogues, CurrentVisitor currentVisitor,
                             Clock clock) {
        this.reviews = reviews;
        this.clock = clock;
        this.dialogues = dialogues;
        this.currentVisitor = currentVisitor;
        addClassNames("sp-page", "sp-share");
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        removeAll();
        Visitor visitor = currentVisitor.get();
        try {
            dialogue = dialogues.transcript(visitor.userId(), SessionId.parse(parameter), getLocale());
        } catch (IllegalArgumentException | SessionNotFoundException notTheirs) {
            dialogue = null;
            add(new H1(getTranslation("share.not-found")));
            return;
        }
        add(new H1(getTranslation("share.title")));
        Paragraph which = new Paragraph(getTranslation("share.which", dialogue.title()));
        which.setId("share-dialogue-title");
        add(which, new Paragraph(getTranslation("share.intro")));
        if (!reviews.mayShare(visitor)) {
            Paragraph register = new Paragraph(getTranslation("share.register-first"));
            register.setId("share-register-first");
            Button toRegister = new Button(getTranslation("share.register"), click -> UI.getCurrent()
                    .navigate("register"));
            toRegister.setId("share-register");
            toRegister.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(register, toRegister);
            return;
        }
        buildCodeForm();
        Anchor toDirectory = new Anchor("experts", getTranslation("share.no-code"));
        toDirectory.getElement().setAttribute("router-link", true);
        toDirectory.setId("share-to-directory");
        add(new Paragraph(toDirectory));
        preview.setId("share-preview");
        preview.setVisible(false);
        add(preview);
        add(new H2(getTranslation("share.current")));
        shares.setId("share-list");
        shares.addClassName("sp-card-list");
        add(shares);
        standing = new StandingShareList(reviews, currentVisitor, clock, this::showShares);
        add(standing);
        showShares();
    }

    private void buildCodeForm() {
        code.setId("invite-code");
        code.setLabel(getTranslation("share.code"));
        code.setHelperText(getTranslation("share.code.help"));
        code.setMaxLength(32);
        codeError.setId("code-error");
        codeError.addClassName("sp-error");
        codeError.getElement().setAttribute("role", "alert");
        Button check = new Button(getTranslation("share.check"), click -> check());
        check.setId("check-code");
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div form = new Div(code, check, codeError);
        form.addClassName("sp-share-form");
        add(form);
    }

    private void check() {
        codeError.setText("");
        try {
            InvitePreview invite = reviews.checkInvite(currentVisitor.get(), code.getValue());
            showPreview(invite);
        } catch (InvalidInviteException | RegistrationRequiredException refused) {
            preview.setVisible(false);
            codeError.setText(getTranslation("share.code.invalid"));
        }
    }

    /** Exactly what the therapist will see, and who that is, before anything is shared. */
    private void showPreview(InvitePreview invite) {
        preview.removeAll();
        preview.setVisible(true);
        Locale locale = getLocale();
        Paragraph with = new Paragraph(getTranslation("share.preview.with", invite.therapistName()));
        with.setId("share-with");
        preview.add(new H2(getTranslation("share.preview.title")), with,
                new Paragraph(getTranslation("share.preview.what")));
        TranscriptList transcript = new TranscriptList(dialogue.lines(), Map.of());
        transcript.setId("share-preview-transcript");
        preview.add(transcript);
        scope.setId("share-scope");
        scope.setLabel(getTranslation("share.scope"));
        scope.setItems(ShareScope.values());
        scope.setItemLabelGenerator(option -> getTranslation("share.scope." + option.name().toLowerCase(locale)));
        scope.setValue(ShareScope.THIS_DIALOGUE);
        preview.add(scope);
        DatePicker end = new DatePicker(getTranslation("share.end"));
        end.setId("share-end");
        end.setHelperText(getTranslation("share.end.help"));
        end.setLocale(locale);
        LocalDate today = LocalDate.now(clock.withZone(Moments.ZONE));
        end.setMin(today.plusDays(1));
        Button confirm = new Button(getTranslation("share.confirm", invite.therapistName()), click -> {
            Instant endsAt = end.getValue() == null ? null
                    : end.getValue().plusDays(1).atStartOfDay(Moments.ZONE).toInstant();
            confirm(endsAt);
        });
        confirm.setId("confirm-share");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("share.cancel"), click -> preview.setVisible(false));
        cancel.setId("cancel-share");
        preview.add(end, new Div(confirm, cancel));
    }

    private void confirm(Instant endsAt) {
        try {
            reviews.share(currentVisitor.get(), dialogue.id(), code.getValue(), endsAt,
                    scope.getValue() == null ? ShareScope.THIS_DIALOGUE : scope.getValue());
        } catch (InvalidInviteException | RegistrationRequiredException | IllegalArgumentException refused) {
            preview.setVisible(false);
            codeError.setText(getTranslation("share.code.invalid"));
            return;
        }
        preview.setVisible(false);
        code.clear();
        Notification.show(getTranslation("share.done"));
        showShares();
        standing.refresh();
    }

    private void showShares() {
        shares.removeAll();
        List<Share> all = reviews.sharesOf(currentVisitor.get(), dialogue.id());
        if (all.isEmpty()) {
            shares.add(new ListItem(getTranslation("share.none")));
            return;
        }
        Locale locale = getLocale();
        Instant now = clock.instant();
        for (Share share : all) {
            ListItem item = new ListItem();
            item.addClassNames("sp-card", "sp-share-item");
            item.add(new H2(share.therapistName()));
            item.add(new Paragraph(getTranslation("share.since", Moments.date(share.createdAt(), locale))));
            String status = StandingShareList.status(this, share.endsAt(), share.revokedAt(), share.activeAt(now),
                    locale);
            Span statusLine = new Span(status);
            statusLine.addClassName("sp-share-status");
            item.add(statusLine);
            if (share.activeAt(now)) {
                Button revoke = new Button(getTranslation("share.revoke"), click -> revoke(share));
                revoke.addClassName("sp-revoke");
                revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
                revoke.setAriaLabel(getTranslation("share.revoke") + ": " + share.therapistName());
                item.add(revoke);
            }
            shares.add(item);
        }
    }

    private void revoke(Share share) {
        try {
            reviews.revoke(currentVisitor.get(), share.id());
            Notification.show(getTranslation("share.revoked"));
        } catch (ShareAccessDeniedException notTheirs) {
            Notification.show(getTranslation("share.revoke.failed"));
        }
        showShares();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("share.title") + " · " + getTranslation("app.name");
    }
}
