package nl.spiegel.review.ui;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.dialogue.PastDialogue;
import nl.spiegel.identity.CurrentVisitor;
import nl.spiegel.identity.UserId;
import nl.spiegel.identity.Visitor;
import nl.spiegel.review.CommentTooLongException;
import nl.spiegel.review.ExpertDirectory;
import nl.spiegel.review.ExpertProfile;
import nl.spiegel.review.ExpertUnavailableException;
import nl.spiegel.review.RegistrationRequiredException;
import nl.spiegel.review.ReviewService;
import nl.spiegel.review.ShareRequest;
import nl.spiegel.review.ShareScope;
import nl.spiegel.shared.i18n.Moments;

/**
 * One expert of the directory, and the way to ask them to read a dialogue: which one (or everything from now on),
 * with a short message. Nothing is shared until the expert accepts; the person sees the answer here.
 */
@Route("expert")
@AnonymousAllowed
public class ExpertView extends Div implements HasUrlParameter<String>, HasDynamicTitle {

    private final ExpertDirectory directory;
    private final ReviewService reviews;
    private final DialogueService dialogues;
    private final CurrentVisitor currentVisitor;
    private String name = "";

    public ExpertView(ExpertDirectory directory, ReviewService reviews, DialogueService dialogues,
                      CurrentVisitor currentVisitor) {
        this.directory = directory;
        this.reviews = reviews;
        this.dialogues = dialogues;
        this.currentVisitor = currentVisitor;
        addClassNames("sp-page", "sp-expert");
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        removeAll();
        Visitor visitor = currentVisitor.get();
        Optional<ExpertProfile> found;
        try {
            found = directory.expert(visitor, UserId.parse(parameter));
        } catch (IllegalArgumentException notAnId) {
            found = Optional.empty();
        }
        if (found.isEmpty()) {
            Paragraph gone = new Paragraph(getTranslation("expert.gone"));
            gone.setId("expert-gone");
            add(new H1(getTranslation("expert.directory.title")), gone);
            return;
        }
        ExpertProfile expert = found.get();
        name = expert.name();
        Locale locale = getLocale();
        H1 heading = new H1(expert.name());
        heading.setId("expert-name");
        add(heading);
        if (expert.hasPhoto()) {
            Image photo = new Image(DownloadHandler.fromInputStream(download -> {
                byte[] jpeg = directory.photo(visitor, expert.therapist()).orElse(new byte[0]);
                return new DownloadResponse(new ByteArrayInputStream(jpeg), "expert.jpg", "image/jpeg",
                        jpeg.length);
            }), getTranslation("expert.photo", expert.name()));
            photo.setId("expert-photo");
            photo.addClassName("sp-expert-photo");
            add(photo);
        }
        if (expert.shortLine(locale) != null) {
            add(new Paragraph(expert.shortLine(locale)));
        }
        add(ExpertDirectoryView.ExpertFacts.of(this, expert));
        add(new H2(getTranslation("expert.request.title")));
        if (!reviews.mayShare(visitor)) {
            Paragraph register = new Paragraph(getTranslation("share.register-first"));
            register.setId("expert-register-first");
            Button toRegister = new Button(getTranslation("share.register"),
                    click -> UI.getCurrent().navigate("register"));
            toRegister.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(register, toRegister);
            return;
        }
        if (!expert.accepting()) {
            add(new Paragraph(getTranslation("expert.facts.not-accepting")));
        } else {
            add(requestForm(visitor, expert));
        }
        add(ownRequests(visitor, expert));
    }

    private Div requestForm(Visitor visitor, ExpertProfile expert) {
        Locale locale = getLocale();
        List<PastDialogue> mine = dialogues.history(visitor);
        Div form = new Div();
        form.setId("expert-request");
        if (mine.isEmpty()) {
            form.add(new Paragraph(getTranslation("expert.request.no-dialogues")));
            return form;
        }
        form.add(new Paragraph(getTranslation("expert.request.intro", expert.name())));
        ComboBox<PastDialogue> which = new ComboBox<>(getTranslation("expert.request.which"));
        which.setId("expert-request-dialogue");
        which.setItems(mine);
        java.util.Map<String, String> titles = dialogues.catalogueTitles(visitor, locale);
        which.setItemLabelGenerator(past -> titles.getOrDefault(past.scriptId(), past.scriptId()) + " · "
                + Moments.date(past.startedAt(), locale));
        which.setValue(mine.getFirst());
        RadioButtonGroup<ShareScope> scope = new RadioButtonGroup<>(getTranslation("share.scope"));
        scope.setId("expert-request-scope");
        scope.setItems(ShareScope.values());
        scope.setItemLabelGenerator(option -> getTranslation("share.scope." + option.name().toLowerCase(Locale.ROOT)));
        scope.setValue(ShareScope.THIS_DIALOGUE);
        TextArea message = new TextArea(getTranslation("expert.request.message"));
        message.setId("expert-request-message");
        message.setHelperText(getTranslation("expert.request.message.help", ExpertDirectory.MAX_MESSAGE));
        Span error = new Span();
        error.setId("expert-request-error");
        error.addClassName("sp-error");
        error.getElement().setAttribute("role", "alert");
        Button send = new Button(getTranslation("expert.request.send", expert.name()), click -> {
            error.setText("");
            try {
                directory.request(visitor, expert.therapist(), which.getValue().id(), scope.getValue(),
                        message.getValue(), locale);
            } catch (CommentTooLongException tooLong) {
                // the text stays in the field
                message.setInvalid(true);
                message.setErrorMessage(getTranslation("review.comment.too-long", tooLong.limit()));
                return;
            } catch (ExpertUnavailableException unavailable) {
                error.setText(getTranslation("expert.request.unavailable."
                        + unavailable.reason().name().toLowerCase(Locale.ROOT)));
                return;
            } catch (RegistrationRequiredException notRegistered) {
                error.setText(getTranslation("share.register-first"));
                return;
            }
            UI.getCurrent().getPage().reload();
        });
        send.setId("expert-request-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        form.add(which, scope, message, send, error);
        return form;
    }

    private Div ownRequests(Visitor visitor, ExpertProfile expert) {
        Div section = new Div();
        List<ShareRequest> mine = directory.requestsOf(visitor, getLocale()).stream()
                .filter(request -> request.expertName().equals(expert.name())).toList();
        if (mine.isEmpty()) {
            return section;
        }
        UnorderedList list = new UnorderedList();
        list.setId("expert-my-requests");
        for (ShareRequest request : mine) {
            String status = request.accepted() == null ? "expert.request.status.waiting"
                    : request.accepted() ? "expert.request.status.accepted" : "expert.request.status.declined";
            list.add(new ListItem(request.dialogueTitle() + " · " + Moments.date(request.createdAt(), getLocale())
                    + " · " + getTranslation(status)));
        }
        section.add(new H2(getTranslation("expert.request.mine")), list);
        return section;
    }

    @Override
    public String getPageTitle() {
        return (name.isEmpty() ? getTranslation("expert.directory.title") : name) + " · "
                + getTranslation("app.name");
    }
}
