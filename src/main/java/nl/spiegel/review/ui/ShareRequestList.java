package nl.spiegel.review.ui;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;

import nl.spiegel.identity.UserId;
import nl.spiegel.review.ExpertDirectory;
import nl.spiegel.review.ShareAccessDeniedException;
import nl.spiegel.review.ShareRequest;
import nl.spiegel.shared.i18n.Moments;

/** In the therapist's inbox: requests from the directory that wait for an answer, each with accept and decline. */
class ShareRequestList extends Div {

    private final ExpertDirectory directory;
    private final UserId therapist;
    private final Runnable onAccepted;
    private final UnorderedList list = new UnorderedList();

    ShareRequestList(ExpertDirectory directory, UserId therapist, Runnable onAccepted) {
        this.directory = directory;
        this.therapist = therapist;
        this.onAccepted = onAccepted;
        setId("share-requests");
        list.setId("share-request-list");
        list.addClassName("sp-card-list");
        add(new H2(getTranslation("expert.requests.title")), list);
        refresh();
    }

    private void refresh() {
        list.removeAll();
        Locale locale = getLocale();
        List<ShareRequest> open = directory.openRequests(therapist, locale);
        setVisible(!open.isEmpty());
        for (ShareRequest request : open) {
            ListItem item = new ListItem();
            item.addClassNames("sp-card", "sp-share-request");
            item.add(new Paragraph(getTranslation("expert.requests.from", request.from(), request.dialogueTitle(),
                    Moments.dateTime(request.createdAt(), locale))));
            item.add(new Paragraph(getTranslation("share.scope." + request.scope().name().toLowerCase(Locale.ROOT))));
            if (!request.message().isBlank()) {
                Paragraph message = new Paragraph(request.message());
                message.addClassName("sp-request-message");
                item.add(message);
            }
            Button accept = new Button(getTranslation("expert.requests.accept"), click -> answer(request, true));
            accept.addClassName("sp-request-accept");
            accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button decline = new Button(getTranslation("expert.requests.decline"), click -> answer(request, false));
            decline.addClassName("sp-request-decline");
            item.add(accept, decline);
            list.add(item);
        }
    }

    private void answer(ShareRequest request, boolean accept) {
        try {
            directory.answer(therapist, request.id(), accept);
            Notification.show(getTranslation(accept ? "expert.requests.accepted" : "expert.requests.declined"));
        } catch (ShareAccessDeniedException gone) {
            Notification.show(getTranslation("expert.requests.gone"));
        }
        refresh();
        if (accept) {
            onAccepted.run();
        }
    }
}
