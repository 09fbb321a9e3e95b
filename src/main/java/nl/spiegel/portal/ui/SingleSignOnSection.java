package nl.spiegel.portal.ui;

import java.util.Optional;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import nl.spiegel.identity.UserId;
import nl.spiegel.organisation.Organisation;
import nl.spiegel.organisation.SsoChange;
import nl.spiegel.organisation.SsoRoleRule;
import nl.spiegel.organisation.SsoSettings;
import nl.spiegel.portal.OrganisationAdmin;

/**
 * Single sign-on of the organisation through its own OpenID Connect provider: issuer, client id and secret (never
 * shown again once stored), the claim read for roles and its mapping, switched on or off. Saving asks the provider
 * for its configuration first; the addresses to register at the provider are shown below.
 */
class SingleSignOnSection extends Div {

    /** @param attempt runs a change and shows its outcome (or the refusal) in the settings view */
    SingleSignOnSection(OrganisationAdmin admin, UserId me, Organisation organisation, String appOrigin,
                        Consumer<Runnable> attempt) {
        addClassNames("sp-card", "sp-org-section");
        setId("org-sso");
        Optional<SsoSettings> current = admin.singleSignOn(me, organisation.id());
        Checkbox enabled = new Checkbox(getTranslation("organisation.sso.enabled"));
        enabled.setId("org-sso-enabled");
        enabled.setValue(current.map(SsoSettings::enabled).orElse(false));
        TextField issuer = field("org-sso-issuer", "organisation.sso.issuer",
                current.map(SsoSettings::issuer).orElse(""));
        issuer.setHelperText(getTranslation("organisation.sso.issuer.help"));
        TextField clientId = field("org-sso-client-id", "organisation.sso.client-id",
                current.map(SsoSettings::clientId).orElse(""));
        PasswordField secret = new PasswordField(getTranslation("organisation.sso.client-secret"));
        secret.setId("org-sso-secret");
        secret.setHelperText(getTranslation(current.map(SsoSettings::secretStored).orElse(false)
                ? "organisation.sso.client-secret.stored" : "organisation.sso.client-secret.help"));
        TextField claim = field("org-sso-claim", "organisation.sso.claim",
                current.map(SsoSettings::roleClaim).orElse(""));
        claim.setHelperText(getTranslation("organisation.sso.claim.help"));
        TextArea mapping = new TextArea(getTranslation("organisation.sso.mapping"));
        mapping.setId("org-sso-mapping");
        mapping.setWidthFull();
        mapping.setValue(String.join("\n", current.map(settings -> settings.roleMapping().stream()
                .map(SsoRoleRule::toString).toList()).orElse(java.util.List.of())));
        mapping.setHelperText(getTranslation("organisation.sso.mapping.help"));
        Button save = new Button(getTranslation("organisation.save"), click -> attempt.accept(() -> {
            admin.saveSingleSignOn(me, organisation.id(), new SsoChange(enabled.getValue(), issuer.getValue(),
                    clientId.getValue(), secret.getValue(), claim.getValue(), mapping.getValue()));
            secret.clear();
            secret.setHelperText(getTranslation("organisation.sso.client-secret.stored"));
        }));
        save.setId("org-save-sso");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        Pre addresses = new Pre(String.join("\n",
                getTranslation("organisation.sso.address.login") + " " + appOrigin + "/sso/" + organisation.slug(),
                getTranslation("organisation.sso.address.redirect") + " " + appOrigin + "/login/oauth2/code/"
                        + organisation.slug(),
                getTranslation("organisation.sso.address.back-channel") + " " + appOrigin
                        + "/logout/connect/back-channel/" + organisation.slug(),
                getTranslation("organisation.sso.address.post-logout") + " " + appOrigin + "/"));
        addresses.setId("org-sso-addresses");
        add(new H2(getTranslation("organisation.sso")), new Paragraph(getTranslation("organisation.sso.intro")),
                enabled, issuer, clientId, secret, claim, mapping, save,
                new Paragraph(getTranslation("organisation.sso.addresses")), addresses);
    }

    private TextField field(String id, String labelKey, String value) {
        TextField field = new TextField(getTranslation(labelKey));
        field.setId(id);
        field.setValue(value == null ? "" : value);
        field.setWidthFull();
        return field;
    }
}
