package nl.spiegel.progress.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

import nl.spiegel.identity.Visitor;
import nl.spiegel.progress.QuestionnaireReminders;

/**
 * The weekly reminder on My progress: a checkbox for a person with an account, a short note on how to get one
 * otherwise. Switching it off takes effect at once.
 */
class ReminderSetting extends Div {

    ReminderSetting(QuestionnaireReminders reminders, Visitor visitor) {
        setId("progress-reminder-setting");
        addClassName("sp-reminder-setting");
        if (!reminders.available(visitor)) {
            Paragraph note = new Paragraph(getTranslation("progress.reminder.needs-account") + " ");
            note.setId("progress-reminder-needs-account");
            note.add(new Anchor("register", getTranslation("progress.reminder.register")));
            add(note);
            return;
        }
        Checkbox weekly = new Checkbox(getTranslation("progress.reminder.label"), reminders.isOn(visitor));
        weekly.setId("progress-reminder");
        weekly.setHelperText(getTranslation("progress.reminder.help"));
        weekly.addValueChangeListener(change -> {
            if (change.getValue()) {
                reminders.switchOn(visitor);
            } else {
                reminders.switchOff(visitor);
            }
        });
        add(weekly);
    }
}
