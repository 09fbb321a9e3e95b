package nl.spiegel.review.ui;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import nl.spiegel.identity.CurrentStaff;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.UserId;
import nl.spiegel.review.CommentTooLongException;
import nl.spiegel.review.ExpertDirectory;
import nl.spiegel.review.ExpertProfile;
import nl.spiegel.review.InvalidPhotoException;
import nl.spiegel.shared.ui.BoundedUpload;
import nl.spiegel.shared.ui.StaffLayout;

/**
 * The therapist's own profile in the directory: a short line, specialisms, forms of therapy, languages, where they
 * work, whether they take new people and whether they appear at all; and a photo, which the server scales and
 * re-encodes so none of the file's metadata is kept.
 */
@Route(value = "therapist/profile", layout = StaffLayout.class)
@RolesAllowed("THERAPIST")
public class ExpertProfileView extends Div implements HasDynamicTitle {

    public ExpertProfileView(ExpertDirectory directory, CurrentStaff currentStaff) {
        UserId me = currentStaff.get().map(StaffMember::userId).orElseThrow();
        addClassNames("sp-page", "sp-expert-profile");
        ExpertProfile profile = directory.ownProfile(me);
        add(new H1(getTranslation("expert.profile.title")), new Paragraph(getTranslation("expert.profile.intro")));

        TextField line = text("expert-line", "expert.profile.line", profile.shortLine(), ExpertDirectory.MAX_LINE);
        TextField lineEn = text("expert-line-en", "expert.profile.line-en", profile.shortLineEn(),
                ExpertDirectory.MAX_LINE);
        MultiSelectComboBox<String> specialisms = codes("expert-specialisms", "expert.filter.specialism",
                ExpertProfile.SPECIALISMS, "expert.specialism.", profile.specialisms());
        MultiSelectComboBox<String> forms = codes("expert-forms", "expert.filter.form", ExpertProfile.FORMS,
                "expert.form.", profile.forms());
        MultiSelectComboBox<String> languages = codes("expert-languages", "expert.filter.language",
                ExpertProfile.LANGUAGES, "expert.language.", profile.languages());
        TextField region = text("expert-region-field", "expert.profile.region", profile.region(),
                ExpertDirectory.MAX_REGION);
        Checkbox online = check("expert-online-field", "expert.profile.online", profile.online());
        Checkbox accepting = check("expert-accepting", "expert.profile.accepting", profile.accepting());
        Checkbox listed = check("expert-listed", "expert.profile.listed", profile.listed());
        Button save = new Button(getTranslation("expert.profile.save"), click -> {
            try {
                directory.saveProfile(me, new ExpertProfile(me, profile.name(), line.getValue(), lineEn.getValue(),
                        List.copyOf(specialisms.getSelectedItems()), List.copyOf(forms.getSelectedItems()),
                        List.copyOf(languages.getSelectedItems()), region.getValue(), online.getValue(),
                        accepting.getValue(), listed.getValue(), false));
            } catch (CommentTooLongException tooLong) {
                // the browser stops at the limit; a changed client does not: say which field, keep the text
                List.of(line, lineEn, region).forEach(this::markTooLong);
                return;
            }
            List.of(line, lineEn, region).forEach(field -> field.setInvalid(false));
            Notification.show(getTranslation("expert.profile.saved"));
        });
        save.setId("expert-profile-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(line, lineEn, specialisms, forms, languages, region, online, accepting, listed, save);

        add(new H2(getTranslation("expert.profile.photo")), new Paragraph(getTranslation("expert.profile.photo.help")));
        // reads at most one byte over the limit, whatever is posted to the upload's address
        Upload upload = new Upload(new BoundedUpload(ExpertDirectory.MAX_PHOTO_BYTES, file -> {
            try {
                if (file.tooLarge()) {
                    throw new InvalidPhotoException("too large");
                }
                directory.savePhoto(me, file.bytes());
                Notification.show(getTranslation("expert.profile.saved"));
            } catch (InvalidPhotoException invalid) {
                Notification.show(getTranslation("expert.profile.photo.invalid"));
            }
        }));
        upload.setId("expert-photo-upload");
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes("image/jpeg", "image/png");
        add(upload);
    }

    private void markTooLong(TextField field) {
        boolean tooLong = field.getValue() != null && field.getValue().strip().length() > field.getMaxLength();
        field.setInvalid(tooLong);
        if (tooLong) {
            field.setErrorMessage(getTranslation("review.comment.too-long", field.getMaxLength()));
        }
    }

    private TextField text(String id, String label, String value, int maxLength) {
        TextField field = new TextField(getTranslation(label));
        field.setId(id);
        field.setMaxLength(maxLength);
        field.setValue(value == null ? "" : value);
        field.setWidthFull();
        return field;
    }

    private Checkbox check(String id, String label, boolean value) {
        Checkbox box = new Checkbox(getTranslation(label), value);
        box.setId(id);
        return box;
    }

    private MultiSelectComboBox<String> codes(String id, String label, List<String> offered, String prefix,
                                              List<String> chosen) {
        MultiSelectComboBox<String> box = new MultiSelectComboBox<>(getTranslation(label));
        box.setId(id);
        box.setItems(offered);
        box.setItemLabelGenerator(code -> getTranslation(prefix + code));
        box.select(chosen);
        return box;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("expert.profile.title") + " · " + getTranslation("app.name");
    }
}
