package nl.spiegel.portal.ui;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;

import nl.spiegel.dialogue.DialogueCard;
import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.identity.CurrentStaff;
import nl.spiegel.identity.Role;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.Visitor;
import nl.spiegel.organisation.Branding;
import nl.spiegel.organisation.LogoImage;
import nl.spiegel.shared.ui.BoundedUpload;
import nl.spiegel.organisation.Organisation;
import nl.spiegel.organisation.OrganisationSettingsException;
import nl.spiegel.portal.ContactLines;
import nl.spiegel.portal.OrganisationAdmin;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;

/**
 * An organisation's own settings: look, logo, offered dialogues, crisis contacts with opening hours and the portal
 * origins that may frame Spiegel, with the embed snippet. A platform admin also creates organisations and picks the
 * one to change. Every change goes through {@link OrganisationAdmin}, which checks access again.
 */
@Route("admin/organisation")
@RolesAllowed({"ORG_ADMIN", "PLATFORM_ADMIN"})
public class OrganisationSettingsView extends Div implements HasDynamicTitle {

    private final OrganisationAdmin admin;
    private final DialogueService dialogues;
    private final StaffMember me;
    private final Paragraph message = new Paragraph();
    private final Div settings = new Div();
    private final Select<Organisation> picker = new Select<>();
    private Organisation current;

    public OrganisationSettingsView(OrganisationAdmin admin, DialogueService dialogues, CurrentStaff currentStaff) {
        this.admin = admin;
        this.dialogues = dialogues;
        this.me = currentStaff.get().orElseThrow(() -> new AccessDeniedException("no administrator logged in"));
        addClassNames("sp-page", "sp-org-admin");
        message.setId("org-message");
        message.getElement().setAttribute("role", "status");
        add(new H1(getTranslation("organisation.title")), message);
        if (me.role() == Role.PLATFORM_ADMIN) {
            add(createForm());
            picker.setId("org-select");
            picker.setLabel(getTranslation("organisation.pick"));
            picker.setItemLabelGenerator(Organisation::name);
            picker.addValueChangeListener(event -> {
                if (event.getValue() != null) {
                    show(event.getValue());
                }
            });
            add(picker);
        }
        add(settings);
        List<Organisation> mine = admin.administered(me.userId());
        picker.setItems(mine);
        mine.stream().filter(organisation -> organisation.id().equals(me.organisationId())).findFirst()
                .or(() -> mine.stream().findFirst()).ifPresent(this::show);
    }

    private Component createForm() {
        TextField name = field("org-new-name", "organisation.new.name");
        TextField slug = field("org-new-slug", "organisation.new.slug");
        Button create = new Button(getTranslation("organisation.new.create"), click -> attempt(() -> {
            Organisation created = admin.create(me.userId(), name.getValue(), slug.getValue());
            picker.setItems(admin.administered(me.userId()));
            picker.setValue(created);
            name.clear();
            slug.clear();
        }, "organisation.new.done"));
        create.setId("org-create");
        return section("organisation.new.title", name, slug, create);
    }

    private void show(Organisation organisation) {
        current = organisation;
        if (!organisation.equals(picker.getValue()) && me.role() == Role.PLATFORM_ADMIN) {
            picker.setValue(organisation);
        }
        settings.removeAll();
        settings.add(branding(organisation), logo(), offered(organisation), contacts(), embedding(organisation),
                new TherapistSection(admin, me.userId(), organisation.id(),
                        change -> attempt(change, "organisation.saved")),
                new SingleSignOnSection(admin, me.userId(), organisation, appOrigin(),
                        change -> attempt(change, "organisation.sso.saved")));
    }

    private Component branding(Organisation organisation) {
        Branding branding = organisation.branding();
        TextField name = field("org-name", "organisation.name");
        name.setValue(organisation.name());
        TextField primary = field("org-primary", "organisation.primary");
        primary.setValue(orEmpty(branding.primaryColour()));
        primary.setHelperText(getTranslation("organisation.colour.help"));
        TextField accent = field("org-accent", "organisation.accent");
        accent.setValue(orEmpty(branding.accentColour()));
        TextArea welcomeNl = area("org-welcome-nl", "organisation.welcome.nl", orEmpty(branding.welcomeNl()));
        TextArea welcomeEn = area("org-welcome-en", "organisation.welcome.en", orEmpty(branding.welcomeEn()));
        Button save = saveButton("org-save-branding", () -> current = admin.saveBranding(me.userId(),
                current.id(), name.getValue(), primary.getValue(), accent.getValue(), welcomeNl.getValue(),
                welcomeEn.getValue()));
        return section("organisation.branding", name, primary, accent, welcomeNl, welcomeEn, save);
    }

    private Component logo() {
        // reads at most one byte over the limit, whatever is posted to the upload's address
        Upload upload = new Upload(new BoundedUpload(LogoImage.MAX_BYTES, file -> {
            if (file.tooLarge()) {
                showMessage(getTranslation("organisation.error.logo.too-large", LogoImage.MAX_BYTES / 1024), true);
                return;
            }
            attempt(() -> admin.saveLogo(me.userId(), current.id(), file.bytes()), "organisation.logo.saved");
        }));
        upload.setId("org-logo");
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes("image/png", "image/jpeg", "image/webp");
        Paragraph help = new Paragraph(getTranslation("organisation.logo.help", LogoImage.MAX_BYTES / 1024));
        return section("organisation.logo", help, upload);
    }

    private Component offered(Organisation organisation) {
        CheckboxGroup<String> choice = new CheckboxGroup<>(getTranslation("organisation.dialogues.label"));
        choice.setId("org-dialogues");
        Locale locale = getLocale();
        List<DialogueCard> catalogue = dialogues.catalogue(new Visitor(me.userId(), organisation.id()));
        choice.setItems(catalogue.stream().map(DialogueCard::scriptId).toList());
        choice.setItemLabelGenerator(id -> catalogue.stream().filter(card -> card.scriptId().equals(id)).findFirst()
                .map(card -> card.titleIn(locale)).orElse(id));
        choice.setValue(new java.util.HashSet<>(organisation.offeredDialogues()));
        choice.setHelperText(getTranslation("organisation.dialogues.help"));
        Button save = saveButton("org-save-dialogues", () -> admin.saveOfferedDialogues(me.userId(), current.id(),
                choice.getValue().stream().sorted().toList()));
        return section("organisation.dialogues", choice, save);
    }

    private Component contacts() {
        Div section = section("organisation.contacts", new Paragraph(getTranslation("organisation.contacts.help")));
        var existing = admin.crisisContacts(me.userId(), current.id());
        for (Locale language : SpiegelI18NProvider.LOCALES) {
            TextArea lines = area("org-contacts-" + language.getLanguage(),
                    "organisation.contacts." + language.getLanguage(), ContactLines.format(existing, language));
            Button save = saveButton("org-save-contacts-" + language.getLanguage(), () -> admin.saveCrisisContacts(
                    me.userId(), current.id(), language, ContactLines.parse(lines.getValue(), language)));
            section.add(lines, save);
        }
        return section;
    }

    private Component embedding(Organisation organisation) {
        TextArea origins = area("org-origins", "organisation.origins", String.join("\n",
                organisation.embedOrigins()));
        origins.setHelperText(getTranslation("organisation.origins.help"));
        Button save = saveButton("org-save-origins", () -> {
            List<String> saved = admin.saveEmbedOrigins(me.userId(), current.id(),
                    Arrays.asList(origins.getValue().split("\\s+")));
            origins.setValue(String.join("\n", saved));
        });
        Pre snippet = new Pre("<script src=\"" + appOrigin() + "/embed/loader.js\" data-organisation=\""
                + organisation.slug() + "\" async></script>");
        snippet.setId("org-snippet");
        return section("organisation.embedding", origins, save,
                new Paragraph(getTranslation("organisation.snippet")), snippet);
    }

    private static String appOrigin() {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request == null) {
            return "";
        }
        String scheme = request.isSecure() ? "https" : "http";
        String host = request.getHeader("Host");
        return host == null ? "" : scheme + "://" + host;
    }

    private Button saveButton(String id, Runnable action) {
        Button save = new Button(getTranslation("organisation.save"), click -> attempt(action,
                "organisation.saved"));
        save.setId(id);
        save.addThemeVariants(ButtonVariant.PRIMARY);
        return save;
    }

    /** Runs a change; a refused setting shows its message and nothing is stored. */
    private void attempt(Runnable action, String doneKey) {
        try {
            action.run();
            showMessage(getTranslation(doneKey), false);
        } catch (OrganisationSettingsException refused) {
            showMessage(getTranslation(refused.messageKey(), refused.arguments()), true);
        }
    }

    private void showMessage(String text, boolean error) {
        message.setText(text);
        message.getElement().setAttribute("role", error ? "alert" : "status");
        message.setClassName("sp-org-error", error);
    }

    private Div section(String titleKey, Component... content) {
        Div section = new Div(new H2(getTranslation(titleKey)));
        section.add(content);
        section.addClassNames("sp-card", "sp-org-section");
        return section;
    }

    private TextField field(String id, String labelKey) {
        TextField field = new TextField(getTranslation(labelKey));
        field.setId(id);
        return field;
    }

    private TextArea area(String id, String labelKey, String value) {
        TextArea area = new TextArea(getTranslation(labelKey));
        area.setId(id);
        area.setValue(value);
        area.setWidthFull();
        return area;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("organisation.title") + " · " + getTranslation("app.name");
    }
}
