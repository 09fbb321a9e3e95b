package nl.spiegel.privacy.ui;

import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

/**
 * Asks for a typed confirmation word before deleting everything: a deletion cannot be undone, so one click is not
 * enough.
 */
class DeleteDataDialog extends Dialog {

    DeleteDataDialog(Runnable onConfirmed) {
        String word = getTranslation("mydata.delete.word");
        setHeaderTitle(getTranslation("mydata.delete.dialog.title"));
        setId("delete-dialog");
        addClassName("sp-privacy-delete-dialog");

        Paragraph what = new Paragraph(getTranslation("mydata.delete.dialog.text"));
        TextField typed = new TextField(getTranslation("mydata.delete.dialog.type", word));
        typed.setId("delete-confirm-word");
        typed.setValueChangeMode(ValueChangeMode.EAGER);
        typed.setWidthFull();
        add(what, typed);

        Button confirm = new Button(getTranslation("mydata.delete.dialog.confirm"));
        confirm.setId("delete-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.setEnabled(false);
        confirm.addClickListener(click -> {
            if (matches(typed.getValue(), word)) {
                close();
                onConfirmed.run();
            }
        });
        typed.addValueChangeListener(change -> confirm.setEnabled(matches(change.getValue(), word)));

        Button cancel = new Button(getTranslation("mydata.delete.dialog.cancel"), click -> close());
        cancel.setId("delete-cancel");
        getFooter().add(cancel, confirm);
    }

    static boolean matches(String typed, String word) {
        return typed != null && typed.strip().toUpperCase(Locale.ROOT).equals(word.toUpperCase(Locale.ROOT));
    }
}
