package nl.spiegel.portal.ui;

import java.util.Map;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;

import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.UserId;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.portal.OrganisationAdmin;

/** The organisation's therapists and content editors: invite one by e-mail, deactivate one who leaves. */
class TherapistSection extends Div {

    private final OrganisationAdmin admin;
    private final UserId me;
    private final OrganisationId organisation;
    private final Consumer<Runnable> attempt;
    private final UnorderedList list = new UnorderedList();

    /** @param attempt runs a change and shows its outcome (or the refusal) in the settings view */
    TherapistSection(OrganisationAdmin admin, UserId me, OrganisationId organisation, Consumer<Runnable> attempt) {
        this.admin = admin;
        this.me = me;
        this.organisation = organisation;
        this.attempt = attempt;
        addClassNames("sp-card", "sp-org-section");
        list.setId("org-therapists");
        EmailField email = new EmailField(getTranslation("organisation.therapists.email"));
        email.setId("org-therapist-email");
        TextField name = new TextField(getTranslation("organisation.therapists.name"));
        name.setId("org-therapist-name");
        Button invite = new Button(getTranslation("organisation.therapists.invite"), click -> attempt.accept(() -> {
            admin.inviteTherapist(me, organisation, email.getValue(), name.getValue(), getLocale());
            email.clear();
            name.clear();
            refresh();
        }));
        invite.setId("org-invite");
        invite.addThemeVariants(ButtonVariant.PRIMARY);
        Button inviteEditor = new Button(getTranslation("organisation.editors.invite"), click -> attempt.accept(() -> {
            admin.inviteContentEditor(me, organisation, email.getValue(), name.getValue(), getLocale());
            email.clear();
            name.clear();
            refresh();
        }));
        inviteEditor.setId("org-invite-editor");
        add(new H2(getTranslation("organisation.therapists")), list, email, name, invite, inviteEditor);
        refresh();
    }

    private void refresh() {
        list.removeAll();
        int index = 0;
        for (Map.Entry<StaffMember, Boolean> entry : admin.therapists(me, organisation)) {
            StaffMember therapist = entry.getKey();
            ListItem item = new ListItem(new Span(therapist.displayName()));
            if (therapist.role() == nl.spiegel.identity.Role.CONTENT_EDITOR) {
                item.add(new Span(" · " + getTranslation("organisation.editors.role")));
            }
            if (entry.getValue()) {
                item.add(new Span(" · " + getTranslation("organisation.therapists.deactivated")));
            } else {
                Button deactivate = new Button(getTranslation("organisation.therapists.deactivate"),
                        click -> attempt.accept(() -> {
                            admin.deactivateTherapist(me, organisation, therapist.userId());
                            refresh();
                        }));
                deactivate.setId("org-deactivate-" + index);
                deactivate.addThemeVariants(ButtonVariant.TERTIARY);
                item.add(deactivate);
            }
            index++;
            list.add(item);
        }
    }
}
